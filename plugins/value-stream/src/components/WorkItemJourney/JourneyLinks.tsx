import { Flex, Link, Text } from '@backstage/ui';
import {
  formatDuration,
  type ChangeBreakdown,
  type WorkItemDetail,
} from '@valuestream/backstage-plugin-value-stream-common';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format';
import { safeHref } from '../../lib/safeHref';

interface Row {
  id: string;
  text: string;
  detail: string;
  url?: string;
  /** Set on a change (a merged PR or a direct push): its lead-time parts. */
  breakdown?: ChangeBreakdown;
  /** A control beside the row (the journey's corrections). */
  action?: ReactNode;
}

/** A commit or PR of the journey, for a control beside it. */
export type JourneyLinkRef =
  | { kind: 'commit'; sha: string; label: string }
  | { kind: 'pr'; repository: string; number: number; label: string };

const PARTS = ['coding', 'pickup', 'review', 'deploy'] as const;

/** "coding 2 h · pickup 3 h · review 5 h · deploy 12 h"; a part the change lacks is "—". */
export function breakdownText(breakdown: ChangeBreakdown): string {
  return PARTS.map(p => `${p} ${formatDuration(breakdown[p])}`).join(' · ');
}

function LinkSection(props: { title: string; rows: Row[] }) {
  const { title, rows } = props;
  return (
    <section aria-label={title}>
      <Text as="h4" variant="body-small" weight="bold">
        {title} ({rows.length})
      </Text>
      {rows.length === 0 ? (
        <Text variant="body-x-small" color="secondary">
          None linked
        </Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 'var(--bui-space-4)' }}>
          {rows.map(row => {
            // Only http(s) links: the URL comes from an event.
            const href = safeHref(row.url);
            return (
              <li key={row.id}>
                <Flex gap="2" align="center">
                  {href ? (
                    <Link
                      href={href}
                      target="_blank"
                      rel="noopener noreferrer"
                      variant="body-small"
                    >
                      {row.text}
                    </Link>
                  ) : (
                    <Text variant="body-small">{row.text}</Text>
                  )}
                  <Text variant="body-x-small" color="secondary">
                    {row.detail}
                  </Text>
                  {row.action}
                </Flex>
                {row.breakdown && (
                  <Text
                    as="p"
                    variant="body-x-small"
                    color="secondary"
                    aria-label={`Lead time breakdown of ${row.text}`}
                  >
                    {breakdownText(row.breakdown)}
                  </Text>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function repoPrefix(repository: string | null): string {
  return repository ? `${repository} ` : '';
}

/** Commits, PRs, builds, deployments and incidents linked to an item. */
export function JourneyLinks(props: {
  links: WorkItemDetail['links'];
  /** A control beside each commit and PR (e.g. unlink), for permitted users. */
  linkAction?: (link: JourneyLinkRef) => ReactNode;
}): ReactNode {
  const { commits, pullRequests, builds, deployments, incidents } = props.links;
  const action = props.linkAction;
  return (
    <Flex direction="column" gap="3">
      <LinkSection
        title="Commits"
        rows={commits.map(c => ({
          id: c.sha,
          text: `${repoPrefix(c.repository)}${c.sha.slice(0, 7)}`,
          detail: c.message.split('\n')[0],
          url: c.url,
          breakdown: c.breakdown,
          action: action?.({
            kind: 'commit',
            sha: c.sha,
            label: `commit ${c.sha.slice(0, 7)}`,
          }),
        }))}
      />
      <LinkSection
        title="Pull requests"
        rows={pullRequests.map(pr => ({
          id: `${pr.repository}#${pr.number}`,
          text: `${repoPrefix(pr.repository)}#${pr.number} ${pr.title}`,
          detail: pr.mergedAt
            ? `merged ${formatDateTime(pr.mergedAt)}`
            : pr.state,
          url: pr.url,
          breakdown: pr.breakdown,
          action:
            pr.repository === null
              ? undefined
              : action?.({
                  kind: 'pr',
                  repository: pr.repository,
                  number: pr.number,
                  label: `pull request #${pr.number}`,
                }),
        }))}
      />
      <LinkSection
        title="Builds"
        rows={builds.map(b => ({
          id: b.buildId,
          text: b.buildId,
          detail: `${b.status ?? 'running'} ${
            b.finishedAt ? formatDateTime(b.finishedAt) : ''
          }`.trim(),
          url: b.url,
        }))}
      />
      <LinkSection
        title="Deployments"
        rows={deployments.map(d => ({
          id: d.deploymentId,
          text: `${d.deploymentId} → ${d.environment}`,
          detail: `${d.status ?? 'in progress'} ${
            d.finishedAt ? formatDateTime(d.finishedAt) : ''
          }`.trim(),
          url: d.url,
        }))}
      />
      <LinkSection
        title="Incidents"
        rows={incidents.map(i => ({
          id: i.incidentId,
          text: `${i.incidentId}${i.severity ? ` (${i.severity})` : ''}`,
          detail: i.resolvedAt
            ? `resolved ${formatDateTime(i.resolvedAt)}`
            : `open since ${formatDateTime(i.openedAt)}`,
          url: i.url,
        }))}
      />
    </Flex>
  );
}
