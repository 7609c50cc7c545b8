import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import { Box, Flex, Text } from '@backstage/ui';
import type { OverviewResponse } from '@valuestream/backstage-plugin-value-stream-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { valueStreamApiRef } from '../../api';
import { type DateRange, presetRange } from '../../lib/dateRange';
import { formatDuration, formatPercent } from '../../lib/format';
import { READABLE_INTENT_TEXT } from '../../lib/tokens';
import { topBlockers } from '../MetricCards/topBlockers';
import { CycleTimeTrend } from './CycleTimeTrend';
import { OrganisationGroups } from './OrganisationGroups';
import { OrganisationHeatmap } from './OrganisationHeatmap';
import {
  blockedTimeOf,
  groupsUnder,
  parentChoices,
  rootsOf,
} from './organisation';

const RANGES: { value: '7' | '30' | '90'; label: string }[] = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
];

const nameOf = (ref: string) =>
  humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'group' });

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Box
      as="section"
      aria-label={props.title}
      p="3"
      style={{
        background: 'var(--bui-bg-neutral-1)',
        border: '1px solid var(--bui-border-1)',
        borderRadius: 'var(--bui-radius-3)',
      }}
    >
      <Flex direction="column" gap="2">
        <Text as="h2" variant="title-x-small" weight="bold">
          {props.title}
        </Text>
        {props.children}
      </Flex>
    </Box>
  );
}

function TopBlockerCategories(props: {
  overview: OverviewResponse;
  groups: ReturnType<typeof groupsUnder>;
}) {
  const blocked = blockedTimeOf(rootsOf(props.groups));
  const top = topBlockers(blocked, 5);
  if (!top.length)
    return (
      <Text
        variant="body-small"
        color="secondary"
        data-testid="organisation-blockers"
      >
        No blocked time in the items done in range.
      </Text>
    );
  return (
    <ol
      data-testid="organisation-blockers"
      style={{ margin: 0, paddingLeft: 20 }}
    >
      {top.map(b => (
        <li key={b.category}>
          <Text variant="body-small">
            {b.category}: {formatDuration(b.seconds)} ({formatPercent(b.share)})
          </Text>
        </li>
      ))}
    </ol>
  );
}

/**
 * The organisation view (DESIGN §15): every group with its roll-up and the change against
 * the previous period, the bottleneck heatmap, the cycle-time trend over 6 months and the
 * top blocker categories, filtered by parent group.
 * @public
 */
export function OrganisationView() {
  const api = useApi(valueStreamApiRef);
  const [range, setRange] = useState<DateRange>(() => presetRange('30'));
  const [parent, setParent] = useState<string>('');
  const { value, loading, error } = useAsync(
    () => api.getOverview({ from: range.from, to: range.to }),
    [api, range],
  );
  const groups = useMemo(
    () => (value ? groupsUnder(value.groups, parent || undefined) : []),
    [value, parent],
  );
  const entityRefs = useMemo(
    () => [...new Set(groups.flatMap(g => g.entityRefs))].sort(),
    [groups],
  );
  return (
    <Flex
      direction="column"
      gap="4"
      data-testid="value-stream-organisation"
      style={READABLE_INTENT_TEXT}
    >
      <Flex gap="4" align="end" style={{ flexWrap: 'wrap' }}>
        <label>
          <Text variant="body-small" weight="bold">
            Parent group{' '}
          </Text>
          <select
            data-testid="organisation-parent-filter"
            value={parent}
            onChange={e => setParent(e.target.value)}
          >
            <option value="">All groups</option>
            {(value ? parentChoices(value.groups) : []).map(p => (
              <option key={p} value={p}>
                {nameOf(p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <Text variant="body-small" weight="bold">
            Range{' '}
          </Text>
          <select
            data-testid="organisation-range"
            value={range.preset}
            onChange={e =>
              setRange(presetRange(e.target.value as '7' | '30' | '90'))
            }
          >
            {RANGES.map(r => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      </Flex>
      {loading && <Progress />}
      {error && (
        <ResponseErrorPanel
          error={error}
          title="Organisation view unavailable"
        />
      )}
      {value && (
        <>
          <Section title="Groups">
            <OrganisationGroups groups={groups} />
          </Section>
          <Section title="Bottleneck heatmap">
            <OrganisationHeatmap overview={value} groups={groups} />
          </Section>
          <Section title="Top blocker categories">
            <TopBlockerCategories overview={value} groups={groups} />
          </Section>
          <CycleTimeTrend entityRefs={entityRefs} />
        </>
      )}
    </Flex>
  );
}

/**
 * The `/value-stream` page of the legacy frontend system: the organisation view with a
 * header.
 * @public
 */
export function OrganisationPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Value Stream"
        subtitle="Every team's flow, against the previous period"
      />
      <Content>
        <OrganisationView />
      </Content>
    </Page>
  );
}
