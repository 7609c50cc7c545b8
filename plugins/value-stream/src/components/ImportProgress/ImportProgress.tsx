import type { ImportJob } from '@valuestream/backstage-plugin-value-stream-common';
import { Alert, Flex, Text } from '@backstage/ui';
import { formatDateTime } from '../../lib/format';

const SOURCE_NAMES: Record<string, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  jira: 'Jira',
  focalboard: 'Focalboard',
};

/** True while a job still has work ahead of it (its first run or a re-import). */
export const isImporting = (job: ImportJob) =>
  job.state === 'pending' || job.state === 'running';

function JobRow(props: { job: ImportJob }) {
  const { job } = props;
  const name = `${SOURCE_NAMES[job.source] ?? job.source} ${job.scope}`;
  if (job.state === 'failed') {
    return (
      <Alert
        status="danger"
        icon
        title={`${name}: import failed`}
        description={job.error ?? 'The tool gave no reason.'}
      />
    );
  }
  const counts = `${job.items.toLocaleString(
    'en-US',
  )} items, ${job.events.toLocaleString('en-US')} events`;
  return (
    <Flex direction="column" gap="1">
      <Flex justify="between" gap="2" style={{ flexWrap: 'wrap' }}>
        <Text variant="body-medium" weight="bold">
          {name}
        </Text>
        <Text variant="body-small" color="secondary">
          {job.state === 'done'
            ? `done · ${counts}${
                job.finishedAt ? ` · ${formatDateTime(job.finishedAt)}` : ''
              }`
            : `${
                job.state === 'pending' ? 'waiting' : 'importing'
              } · ${counts}${
                job.total ? ` of ${job.total.toLocaleString('en-US')}` : ''
              }`}
        </Text>
      </Flex>
      {job.total ? (
        <progress
          aria-label={`${name} import`}
          value={Math.min(job.items, job.total)}
          max={job.total}
          style={{ width: '100%' }}
        />
      ) : null}
    </Flex>
  );
}

/**
 * Progress of an entity's history import, per source and scope (DESIGN §12): items and
 * events so far, a bar where the tool gives a total, and a failed job's answer.
 */
export function ImportProgress(props: { jobs: ImportJob[] }) {
  const { jobs } = props;
  const running = jobs.some(isImporting);
  return (
    <section aria-label="History import">
      <Flex direction="column" gap="3">
        <Text variant="title-small">
          {running ? 'Importing history' : 'History import'}
        </Text>
        {running ? (
          <Text variant="body-small" color="secondary">
            Work items, pull requests and deployments of the last days are read
            from the tools; lanes and metrics fill in as they arrive.
          </Text>
        ) : null}
        {jobs.map(job => (
          <JobRow key={`${job.source}:${job.scope}`} job={job} />
        ))}
      </Flex>
    </section>
  );
}
