import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Button, Flex, Text } from '@backstage/ui';
import { RiRefreshLine } from '@remixicon/react';
import { useEffect, useRef, useState } from 'react';
import { presentAnnotations } from '../../lib/annotations';
import { presetRange, type DateRange } from '../../lib/dateRange';
import { formatDateTime } from '../../lib/format';
import { READABLE_INTENT_TEXT } from '../../lib/tokens';
import { AlertHistory } from '../AlertHistory';
import { AlertsList } from '../AlertsList';
import { Charts } from '../Charts';
import { DateRangePicker } from '../DateRangePicker';
import { DataHealthCard } from '../DataHealth';
import { FeatureOutcomes } from '../FeatureOutcomes';
import { ValueDelivered } from '../ValueDelivered';
import { MissingAnnotation, NoEventsYet } from '../EmptyStates';
import { ImportProgress, isImporting, useImportJobs } from '../ImportProgress';
import { MetricCards } from '../MetricCards';
import { TopBlockers } from '../MetricCards/TopBlockers';
import { StageLanes } from '../StageLanes';
import { WorkItemJourney } from '../WorkItemJourney';
import { Section } from './Section';
import { hasNoEvents, useEntityValueStream } from './useEntityValueStream';

function ValueStreamView(props: {
  entityRef: string;
  sources: ReturnType<typeof presentAnnotations>;
  annotations: Record<string, string>;
}) {
  const { entityRef, sources, annotations } = props;
  const [range, setRange] = useState<DateRange>(() => presetRange('30'));
  const [openKey, setOpenKey] = useState<string>();
  const { value, loading, error, retry } = useEntityValueStream(
    entityRef,
    range.from,
    range.to,
  );

  const jobs = useImportJobs(entityRef);
  const importing = jobs.some(isImporting);
  const showImport = importing || jobs.some(j => j.state === 'failed');
  // While history arrives, the lanes and metrics are read again as its events grow.
  const imported = jobs.reduce((n, j) => n + j.events, 0);
  const retryRef = useRef(retry);
  retryRef.current = retry;
  useEffect(() => {
    if (imported > 0) retryRef.current();
  }, [imported]);

  const picker = <DateRangePicker value={range} onChange={setRange} />;
  const importProgress = showImport ? <ImportProgress jobs={jobs} /> : null;
  const journey = (
    <WorkItemJourney itemKey={openKey} onClose={() => setOpenKey(undefined)} />
  );

  if (error) {
    return (
      <Flex direction="column" gap="3">
        <ResponseErrorPanel
          error={error}
          title="Could not load the value stream"
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
  if (!value) return <Progress />;
  if (hasNoEvents(value)) {
    return (
      <Flex direction="column" gap="3">
        {picker}
        {importProgress ?? (
          <NoEventsYet
            entityRef={entityRef}
            sources={sources.map(s => ({
              ...s,
              value: annotations[s.annotation],
            }))}
          />
        )}
      </Flex>
    );
  }

  const { metrics, items, alerts } = value;
  return (
    <Flex
      direction="column"
      gap="5"
      aria-busy={loading}
      style={READABLE_INTENT_TEXT}
    >
      <Flex
        justify="between"
        align="center"
        style={{ flexWrap: 'wrap' }}
        gap="2"
      >
        {picker}
        <Text variant="body-x-small" color="secondary">
          {formatDateTime(metrics.window.from)} –{' '}
          {formatDateTime(metrics.window.to)}
          {loading ? ' · updating…' : ''}
        </Text>
      </Flex>
      {importProgress}
      <Section
        title="Metrics"
        description="Flow metrics of items done and DORA metrics of production deployments in the range."
      >
        <MetricCards metrics={metrics} />
        <TopBlockers metrics={metrics} />
      </Section>
      <Section
        title="Stages"
        description={`${items.length} open items. Select an item to see its journey.`}
      >
        <StageLanes metrics={metrics} items={items} onOpenItem={setOpenKey} />
      </Section>
      <Section
        title="Open alerts"
        description="Grouped by rule and stage; each alert resolves itself when its condition clears."
      >
        <AlertsList alerts={alerts} onOpenItem={setOpenKey} />
      </Section>
      <Section
        title="Bottleneck history"
        description="Alerts opened and resolved in the range, and how long they stayed open."
      >
        <AlertHistory
          entityRef={entityRef}
          from={range.from}
          to={range.to}
          onOpenItem={setOpenKey}
        />
      </Section>
      <Section
        title="Data health"
        description="How much of the last 30 days' input is linked, and what to fix so the numbers above count everything."
      >
        <DataHealthCard entityRef={entityRef} />
      </Section>
      <Section title="Charts">
        <Charts
          entityRef={entityRef}
          metrics={metrics}
          from={range.from}
          to={range.to}
          onOpenItem={setOpenKey}
        />
      </Section>
      <Section
        title="Value"
        description="Features shipped to production in the range, and how they did in their first days: usage, survey answers, uptime, incidents, tickets and their Feature Success Score. Select a feature to see its journey."
      >
        <ValueDelivered
          entityRef={entityRef}
          value={metrics.value}
          from={range.from}
          to={range.to}
        />
        <FeatureOutcomes
          entityRef={entityRef}
          from={range.from}
          to={range.to}
          onOpenItem={setOpenKey}
        />
      </Section>
      {journey}
    </Flex>
  );
}

/**
 * The entity's Value Stream tab: range picker, metric cards, stage lanes,
 * open alerts, charts and work-item journeys.
 * @public
 */
export function ValueStreamContent() {
  const { entity } = useEntity();
  const sources = presentAnnotations(entity);
  if (sources.length === 0) return <MissingAnnotation />;
  return (
    <ValueStreamView
      entityRef={stringifyEntityRef(entity)}
      sources={sources}
      annotations={entity.metadata.annotations ?? {}}
    />
  );
}
