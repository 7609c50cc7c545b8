import type { CanonicalEvent } from '@valuestream/backstage-plugin-value-stream-common';
import type { Timeline } from './plan';
import { Rng } from './random';
import type { DemoService } from './services';
import { DAY, iso, snapToWorkingHours } from './time';

const MESSAGES = [
  'bump dependencies',
  'tidy logging',
  'try a cache warm-up',
  'fix flaky test',
  'update README',
  'refactor config loading',
];

/**
 * The commits of a service that name no work item (DESIGN §16 data health): pushed to a
 * branch of their own with no PR, over the last 30 days, so the service's data-health card
 * has something to fix. Not changes (no PR, not on the default branch): no metric moves.
 */
export function unlinkedCommitEvents(
  service: DemoService,
  timeline: Timeline,
): CanonicalEvent[] {
  const count = service.unlinkedCommits ?? 0;
  const rng = new Rng(timeline.seed, service.name, 'unlinked-commits');
  const events: CanonicalEvent[] = [];
  for (let i = 0; i < count; i++) {
    // Every draw is made whatever the horizon, so the past stays the same.
    const at = snapToWorkingHours(timeline.anchor - rng.between(0.5, 28) * DAY);
    const sha = rng.hex(40);
    if (at > timeline.end || at < timeline.windowStart) continue;
    events.push({
      id: `demo-${service.name}-unlinked-${i + 1}`,
      source: 'github',
      type: 'commit.pushed',
      occurredAt: iso(at),
      repository: service.repository,
      data: {
        sha,
        message: MESSAGES[i % MESSAGES.length],
        branch: 'chore/housekeeping',
        defaultBranch: 'main',
        files: [`${service.path ?? ''}src/housekeeping-${i + 1}.ts`],
      },
    });
  }
  return events;
}
