import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Box, Button, Flex, Text } from '@backstage/ui';
import { RiRefreshLine } from '@remixicon/react';
import type { FeatureOutcomeSummary } from '@valuestream/backstage-plugin-value-stream-common';
import type { CSSProperties, ReactNode } from 'react';
import { formatShortDate } from '../../lib/format';
import { INTENT_FG } from '../../lib/tokens';
import { outcomeTexts } from './outcomeText';
import { useFeatureOutcomes } from './useFeatureOutcomes';

const cell: CSSProperties = {
  padding: 'var(--bui-space-2)',
  borderBottom: '1px solid var(--bui-border-1)',
  textAlign: 'left',
  verticalAlign: 'top',
};
const numeric: CSSProperties = { ...cell, textAlign: 'right' };
const rowButton: CSSProperties = {
  all: 'unset',
  cursor: 'pointer',
  display: 'block',
};

const COLUMNS: { label: string; numeric?: boolean; hint?: string }[] = [
  { label: 'Feature' },
  { label: 'Shipped' },
  { label: 'Usage', numeric: true, hint: 'Σ usage in the window' },
  { label: 'NPS', numeric: true, hint: '% promoters − % detractors' },
  { label: 'Uptime', numeric: true },
  { label: 'Incidents', numeric: true },
  { label: 'Tickets', numeric: true },
  { label: 'Score', numeric: true, hint: 'Feature Success Score, −100..100' },
];

function scoreColor(score: number | null): string | undefined {
  if (score === null) return undefined;
  if (score >= 50) return INTENT_FG.success;
  if (score < 0) return INTENT_FG.danger;
  return INTENT_FG.warning;
}

function Figure(props: { testId: string; main: ReactNode; note?: string }) {
  return (
    <Flex direction="column" gap="0.5" align="end">
      <Text variant="body-small" data-testid={props.testId}>
        {props.main}
      </Text>
      {props.note && (
        <Text variant="body-x-small" color="secondary">
          {props.note}
        </Text>
      )}
    </Flex>
  );
}

function OutcomeRow(props: {
  feature: FeatureOutcomeSummary;
  onOpenItem: (key: string) => void;
}) {
  const { feature: f, onOpenItem } = props;
  const t = outcomeTexts(f);
  const open = () => onOpenItem(f.key);
  return (
    <tr
      data-testid={`feature-outcome-${f.key}`}
      onClick={open}
      style={{ cursor: 'pointer' }}
    >
      <td style={cell}>
        <button
          type="button"
          style={rowButton}
          // Named by its visible text (WCAG 2.5.3 label in name).
          onClick={e => {
            e.stopPropagation();
            open();
          }}
        >
          <Flex direction="column" gap="0.5">
            <Text variant="body-small" weight="bold">
              {f.key}
            </Text>{' '}
            <Text variant="body-x-small" color="secondary">
              {f.title}
              {f.value !== null ? ` · value ${f.value}` : ''}
            </Text>
          </Flex>
        </button>
      </td>
      <td style={cell}>
        <Text variant="body-small">{formatShortDate(f.deployedAt)}</Text>
      </td>
      <td style={numeric}>
        <Figure testId="outcome-usage" main={t.usage} note={t.baseline} />
      </td>
      <td style={numeric}>
        <Figure testId="outcome-nps" main={t.nps} note={t.responses} />
      </td>
      <td style={numeric}>
        <Figure testId="outcome-uptime" main={t.uptime} />
      </td>
      <td style={numeric}>
        <Figure
          testId="outcome-incidents"
          main={t.incidents}
          note={t.severities || undefined}
        />
      </td>
      <td style={numeric}>
        <Figure testId="outcome-tickets" main={t.tickets} />
      </td>
      <td style={numeric}>
        <Flex direction="column" gap="0.5" align="end">
          <Text
            variant="body-medium"
            weight="bold"
            data-testid="outcome-score"
            style={{ color: scoreColor(f.successScore) }}
          >
            {t.score}
          </Text>
          <Text variant="body-x-small" color="secondary">
            {t.scoreNote}
          </Text>
        </Flex>
      </td>
    </tr>
  );
}

/** The outcomes table, from a loaded answer. */
export function FeatureOutcomesTable(props: {
  features: FeatureOutcomeSummary[];
  onOpenItem: (key: string) => void;
}) {
  const { features, onOpenItem } = props;
  if (!features.length) {
    return (
      <Text variant="body-small" color="secondary">
        No feature reached production in this range.
      </Text>
    );
  }
  return (
    <Box
      style={{
        overflowX: 'auto',
        background: 'var(--bui-bg-neutral-1)',
        border: '1px solid var(--bui-border-1)',
        borderRadius: 'var(--bui-radius-3)',
      }}
    >
      <table
        aria-label="Feature outcomes"
        style={{ width: '100%', borderCollapse: 'collapse' }}
      >
        <thead>
          <tr>
            {COLUMNS.map(c => (
              <th
                key={c.label}
                scope="col"
                title={c.hint}
                style={c.numeric ? numeric : cell}
              >
                <Text variant="body-x-small" weight="bold" color="secondary">
                  {c.label}
                </Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {features.map(f => (
            <OutcomeRow key={f.key} feature={f} onOpenItem={onOpenItem} />
          ))}
        </tbody>
      </table>
    </Box>
  );
}

/**
 * The outcomes of the entity's features shipped in the range (DESIGN §14): usage, NPS
 * with its responses, uptime, incidents, tickets and the Feature Success Score. A row
 * opens the feature's journey.
 */
export function FeatureOutcomes(props: {
  entityRef: string;
  from: string;
  to: string;
  onOpenItem: (key: string) => void;
}) {
  const { entityRef, from, to, onOpenItem } = props;
  const { value, loading, error, retry } = useFeatureOutcomes(
    entityRef,
    from,
    to,
  );
  if (error) {
    return (
      <Flex direction="column" gap="2">
        <ResponseErrorPanel
          error={error}
          title="Could not load the feature outcomes"
        />
        <Button
          variant="secondary"
          iconStart={<RiRefreshLine />}
          onPress={retry}
        >
          Retry
        </Button>
      </Flex>
    );
  }
  if (!value) return loading ? <Progress /> : null;
  return (
    <FeatureOutcomesTable features={value.features} onOpenItem={onOpenItem} />
  );
}
