import {
  CanonicalEvent,
  validateCanonicalEvent,
} from '@valuestream/backstage-plugin-value-stream-common';
import { generateDemoHistory } from './generateDemoHistory';
import { DEMO_SERVICES } from './services';

const DAY = 86_400_000;
const NOW = Date.parse('2025-03-10T00:00:00Z'); // a Monday, as the module's anchor
const SEED = Number(process.env.DEMO_SEED ?? 42);
const events = generateDemoHistory({ seed: SEED, now: NOW });

const at = (e: CanonicalEvent) => Date.parse(e.occurredAt);
const ofType = (type: string, list = events) =>
  list.filter(e => e.type === type);
const data = (e: CanonicalEvent) => e.data as Record<string, any>;
const service = (name: string) => DEMO_SERVICES.find(s => s.name === name)!;
const inRepo = (repository: string, list = events) =>
  list.filter(e => e.repository === repository);

/** PRs of a repository opened at or before `t` and not merged by then: the items in Code Review. */
function codeReviewWip(repository: string, t: number, list = events): number {
  const repoEvents = inRepo(repository, list);
  const merged = new Set(
    ofType('pull_request.merged', repoEvents)
      .filter(e => at(e) <= t)
      .map(e => data(e).number),
  );
  return ofType('pull_request.opened', repoEvents).filter(
    e => at(e) <= t && !merged.has(data(e).number),
  ).length;
}

/** Hours from PR opened to merged, for PRs merged in the history. */
function reviewHours(repository: string): number[] {
  const repoEvents = inRepo(repository);
  const opened = new Map(
    ofType('pull_request.opened', repoEvents).map(e => [data(e).number, at(e)]),
  );
  return ofType('pull_request.merged', repoEvents).map(
    e => (at(e) - opened.get(data(e).number)!) / 3_600_000,
  );
}

const mean = (values: number[]) =>
  values.reduce((a, b) => a + b, 0) / values.length;

describe('generateDemoHistory', () => {
  it('is deterministic for a seed', () => {
    // Compared as text: a failing deep diff of thousands of events takes minutes.
    const again = generateDemoHistory({ seed: SEED, now: new Date(NOW) });
    expect(JSON.stringify(again) === JSON.stringify(events)).toBe(true);
    const other = generateDemoHistory({ seed: SEED + 1, now: NOW });
    expect(JSON.stringify(other) === JSON.stringify(events)).toBe(false);
  });

  it('tells the same past whatever the horizon', () => {
    const withFuture = generateDemoHistory({
      seed: SEED,
      now: NOW,
      horizonDays: 14,
    });
    const past = withFuture.filter(e => at(e) <= NOW);
    expect(JSON.stringify(past) === JSON.stringify(events)).toBe(true);
    expect(withFuture.length).toBeGreaterThan(events.length);
  });

  it('produces only valid canonical events with unique ids and no entityRef', () => {
    const invalid = events
      .map(e => validateCanonicalEvent(e))
      .filter(v => !v.ok || !v.known);
    expect(invalid).toEqual([]);
    expect(new Set(events.map(e => e.id)).size).toBe(events.length);
    expect(events.every(e => e.id.startsWith('demo-'))).toBe(true);
    expect(events.filter(e => e.entityRef !== undefined)).toEqual([]);
  });

  it('keeps backfilled events inside the 90 days before now, in time order', () => {
    const times = events.map(at);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - 90 * DAY);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('starts 8 to 15 items per service per week with the Flow Framework mix', () => {
    const weeks = 90 / 7;
    for (const s of DEMO_SERVICES) {
      const started = ofType('work_item.status_changed').filter(
        e =>
          data(e).key.startsWith(`${s.jiraKey}-`) &&
          data(e).to === 'In Progress',
      );
      expect(started.length / weeks).toBeGreaterThanOrEqual(8);
      expect(started.length / weeks).toBeLessThanOrEqual(15);
    }
    const created = ofType('work_item.created');
    const share = (type: string) =>
      created.filter(e => data(e).itemType === type).length / created.length;
    expect(share('feature')).toBeGreaterThan(0.5);
    expect(share('feature')).toBeLessThan(0.7);
    expect(share('defect')).toBeGreaterThan(0.17);
    expect(share('defect')).toBeLessThan(0.33);
    expect(share('risk')).toBeGreaterThan(0.01);
    expect(share('risk')).toBeLessThan(0.1);
    expect(share('debt')).toBeGreaterThan(0.05);
    expect(share('debt')).toBeLessThan(0.16);
  });

  it('has every event type in a plausible amount', () => {
    const count = (type: string) => ofType(type).length;
    expect(count('work_item.created')).toBeGreaterThan(400);
    expect(count('work_item.created')).toBeLessThan(1000);
    // Most items run the whole way through in 90 days.
    expect(
      count('pull_request.merged') / count('work_item.created'),
    ).toBeGreaterThan(0.8);
    const done = ofType('work_item.status_changed').filter(
      e => data(e).to === 'Done',
    );
    expect(done.length / count('work_item.created')).toBeGreaterThan(0.75);
    expect(count('pull_request.reviewed')).toBeGreaterThanOrEqual(
      count('pull_request.merged'),
    );
    expect(count('build.started')).toBe(count('build.finished'));
    expect(
      ofType('build.finished').filter(e => data(e).status === 'failure').length,
    ).toBeGreaterThan(20);
    expect(count('incident.opened')).toBeGreaterThan(8);
    expect(count('incident.opened')).toBeLessThan(40);
  });

  it('links commits, PRs, builds and deployments through keys and shas', () => {
    for (const s of DEMO_SERVICES) {
      // A monorepo service's events: its commits touch only its folder (DESIGN §13).
      const repoEvents = inRepo(s.repository).filter(
        e =>
          !s.path ||
          (e.type === 'commit.pushed'
            ? data(e).files.every((f: string) => f.startsWith(s.path!))
            : `${data(e).title ?? ''}${data(e).pipeline ?? ''}`.match(
                new RegExp(`^(${s.jiraKey}-|${s.name}/)`),
              )),
      );
      const keyPattern = new RegExp(`^${s.jiraKey}-\\d+`);
      // Housekeeping commits name no item on purpose (data health, below).
      for (const commit of ofType('commit.pushed', repoEvents).filter(
        e => data(e).branch !== 'chore/housekeeping',
      )) {
        expect(data(commit).message).toMatch(new RegExp(`${s.jiraKey}-\\d+`));
        expect(data(commit).defaultBranch).toBe('main');
      }
      for (const pr of ofType('pull_request.opened', repoEvents)) {
        expect(data(pr).title).toMatch(keyPattern);
        expect(data(pr).branch).toMatch(new RegExp(`/${s.jiraKey}-\\d+-`));
      }
      const mergeCommits = new Map(
        ofType('commit.pushed', repoEvents)
          .filter(e => data(e).branch === 'main')
          .map(e => [data(e).sha, data(e).message]),
      );
      for (const merged of ofType('pull_request.merged', repoEvents)) {
        const message = mergeCommits.get(data(merged).mergeCommitSha);
        expect(message).toMatch(
          new RegExp(`^${s.jiraKey}-\\d+: .+ \\(#${data(merged).number}\\)$`),
        );
      }
      const builtShas = new Set(
        ofType('build.started', repoEvents).map(e => data(e).commitSha),
      );
      expect([...builtShas].every(sha => mergeCommits.has(sha))).toBe(true);
      const deployments = ofType('deployment.finished').filter(
        e => data(e).service === s.argocdApp,
      );
      expect(deployments.length).toBeGreaterThan(20);
      for (const d of deployments.filter(
        e => data(e).status !== 'rolled_back',
      )) {
        expect(mergeCommits.has(data(d).commitSha)).toBe(true);
        expect(data(d).commits).toContain(data(d).commitSha);
      }
    }
    const incidentServices = new Set(
      ofType('incident.opened').map(e => data(e).service),
    );
    const pagerduty = new Set(DEMO_SERVICES.map(s => s.pagerdutyService));
    expect([...incidentServices].every(id => pagerduty.has(id))).toBe(true);
  });

  it('moves items to Done only after a successful production deployment that includes them', () => {
    const mergeShaByKey = new Map(
      ofType('pull_request.merged').map(e => [
        /^[A-Z]+-\d+/.exec(data(e).title)![0],
        data(e).mergeCommitSha,
      ]),
    );
    const productionOk = ofType('deployment.finished').filter(
      e => data(e).environment === 'production' && data(e).status === 'success',
    );
    const done = ofType('work_item.status_changed').filter(
      e => data(e).to === 'Done',
    );
    for (const e of done) {
      const sha = mergeShaByKey.get(data(e).key);
      const shipped = productionOk.filter(
        d => at(d) < at(e) && data(d).commits.includes(sha),
      );
      expect(shipped.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('has closed items of every service still in observation at now, and others past it (done.mode delivered)', () => {
    const HOUR = 3_600_000;
    const mergeShaByKey = new Map(
      ofType('pull_request.merged').map(e => [
        /^[A-Z]+-\d+/.exec(data(e).title)![0],
        data(e).mergeCommitSha,
      ]),
    );
    const productionOk = ofType('deployment.finished').filter(
      e => data(e).environment === 'production' && data(e).status === 'success',
    );
    for (const s of DEMO_SERVICES) {
      const closed = ofType('work_item.status_changed').filter(
        e => data(e).to === 'Done' && data(e).key.startsWith(`${s.jiraKey}-`),
      );
      // When each closed item's change first reached production.
      const deployedAt = closed.map(e =>
        Math.min(
          ...productionOk
            .filter(d =>
              data(d).commits.includes(mergeShaByKey.get(data(e).key)),
            )
            .map(at),
        ),
      );
      const inObservation = deployedAt.filter(t => t > NOW - 24 * HOUR);
      // The two scenario items: deployed about 5 h before now, closed 1 h and 3 h later.
      expect(inObservation.length).toBeGreaterThanOrEqual(2);
      inObservation.forEach(t => expect(NOW - t).toBeLessThan(6 * HOUR));
      const observed = closed.filter((_, i) => deployedAt[i] > NOW - 24 * HOUR);
      observed.forEach(e => expect(at(e)).toBeLessThanOrEqual(NOW));
      // Most were deployed long enough ago to be Done after their observation.
      expect(
        deployedAt.filter(t => t + 24 * HOUR <= NOW).length,
      ).toBeGreaterThan(20);
    }
  });

  it('places the observed items before the real start, leaving the rest of the story as it is', () => {
    const HOUR = 3_600_000;
    const startedAt = NOW + 4 * DAY + 18 * HOUR; // Friday 18:00
    const later = generateDemoHistory({
      seed: SEED,
      now: NOW,
      observedAt: startedAt,
      horizonDays: 7,
    });
    const isObserved = (e: CanonicalEvent) =>
      /-(9001|9002)-/.test(e.id) || e.id.includes('-deploy-0-');
    const past = (list: CanonicalEvent[]) =>
      list.filter(e => at(e) <= NOW && !isObserved(e));
    expect(JSON.stringify(past(later))).toBe(JSON.stringify(past(events)));
    const hotfix = later.filter(
      e =>
        e.type === 'deployment.finished' &&
        data(e).deploymentId === 'checkout-web-production-hotfix',
    );
    expect(hotfix).toHaveLength(1);
    expect(startedAt - at(hotfix[0])).toBeGreaterThan(4 * HOUR);
    expect(startedAt - at(hotfix[0])).toBeLessThan(5 * HOUR);
    const closes = later
      .filter(
        e =>
          e.type === 'work_item.status_changed' &&
          /^CHK-900[12]$/.test(data(e).key) &&
          data(e).to === 'Done',
      )
      .map(e => (startedAt - at(e)) / HOUR);
    expect(closes.map(h => Math.round(h * 10) / 10)).toEqual([3.9, 1.9]);
  });

  it('gives notifications-worker commits of the last 30 days naming no item, on a branch with no PR', () => {
    const unlinked = ofType('commit.pushed').filter(
      e => data(e).branch === 'chore/housekeeping',
    );
    expect(unlinked.length).toBeGreaterThan(15);
    expect(new Set(unlinked.map(e => e.repository))).toEqual(
      new Set(['acme/notifications-worker']),
    );
    for (const e of unlinked) {
      expect(data(e).message).not.toMatch(/[A-Z][A-Z0-9]+-\d+/);
      expect(Date.parse(e.occurredAt)).toBeGreaterThan(NOW - 30 * 86_400_000);
      expect(Date.parse(e.occurredAt)).toBeLessThanOrEqual(NOW);
    }
    expect(
      ofType('pull_request.opened').some(
        e => data(e).branch === 'chore/housekeeping',
      ),
    ).toBe(false);
  });

  it('has a Code Review bottleneck on payments-api only', () => {
    const payments = service('payments-api').repository;
    // Reviews are slow on payments-api…
    const others = DEMO_SERVICES.filter(s => s.name !== 'payments-api').flatMap(
      s => reviewHours(s.repository),
    );
    expect(mean(reviewHours(payments))).toBeGreaterThan(3 * mean(others));
    // …and for the last 3 days more than 5 PRs (the WIP limit) wait in review,
    for (const daysAgo of [3, 2, 1, 0]) {
      expect(codeReviewWip(payments, NOW - daysAgo * DAY)).toBeGreaterThan(5);
    }
    // The module anchors the story on a Monday and releases the following week
    // as it comes: the pile-up lasts all that week.
    const nextWeek = generateDemoHistory({
      seed: SEED,
      now: NOW,
      horizonDays: 7,
    });
    for (const day of [1, 2, 3, 4, 5, 6, 7]) {
      expect(
        codeReviewWip(payments, NOW + day * DAY, nextWeek),
      ).toBeGreaterThan(5);
    }
    for (const s of DEMO_SERVICES.filter(x => x.name !== 'payments-api')) {
      expect(codeReviewWip(s.repository, NOW)).toBeLessThanOrEqual(5);
    }
    // …a spike: over 1.5 × the average daily WIP of the last 30 days (`wip_spike`),
    const daily = Array.from({ length: 30 }, (_, i) =>
      codeReviewWip(payments, NOW - (30 - i) * DAY),
    );
    expect(codeReviewWip(payments, NOW)).toBeGreaterThan(1.5 * mean(daily));
    // …and PRs waiting far longer than reviews usually take (`item_stuck`).
    const hours = reviewHours(payments);
    const sd = Math.sqrt(
      hours.reduce((s, h) => s + (h - mean(hours)) ** 2, 0) /
        (hours.length - 1),
    );
    const merged = new Set(
      ofType('pull_request.merged', inRepo(payments)).map(e => data(e).number),
    );
    const waiting = ofType('pull_request.opened', inRepo(payments))
      .filter(e => !merged.has(data(e).number))
      .map(e => (NOW - at(e)) / 3_600_000);
    expect(
      waiting.filter(h => h > mean(hours) + 2 * sd).length,
    ).toBeGreaterThanOrEqual(2);
    expect(Math.max(...waiting)).toBeGreaterThan(7 * 24);
  });

  it('has blocked items: some unblocked later, one per service blocked for over a day now', () => {
    const blocked = ofType('work_item.blocked');
    const unblocked = new Set(
      ofType('work_item.unblocked').map(e => data(e).key),
    );
    expect(
      blocked.filter(e => unblocked.has(data(e).key)).length,
    ).toBeGreaterThanOrEqual(10);
    for (const s of DEMO_SERVICES) {
      const stillBlocked = blocked.filter(
        e =>
          data(e).key.startsWith(`${s.jiraKey}-`) &&
          !unblocked.has(data(e).key),
      );
      expect(stillBlocked.some(e => NOW - at(e) > DAY)).toBe(true);
    }
  });

  it('has production failures, one rollback and incidents after deployments', () => {
    const finished = ofType('deployment.finished');
    const production = finished.filter(
      e => data(e).environment === 'production',
    );
    expect(
      production.filter(e => data(e).status === 'failure').length,
    ).toBeGreaterThanOrEqual(3);
    expect(
      finished.filter(e => data(e).environment === 'staging').length,
    ).toBeGreaterThan(100);

    const rollbacks = production.filter(e => data(e).status === 'rolled_back');
    expect(rollbacks).toHaveLength(1);
    const [rollback] = rollbacks;
    expect(data(rollback).service).toBe('checkout-web');
    const rolledBack = production.find(
      e =>
        data(e).deploymentId === data(rollback).deploymentId &&
        data(e).status === 'success',
    )!;
    expect(at(rolledBack)).toBeLessThan(at(rollback));
    const rollbackIncident = ofType('incident.opened').find(
      e => data(e).deploymentId === data(rollback).deploymentId,
    )!;
    expect(at(rollbackIncident)).toBeGreaterThan(at(rolledBack));

    const deploymentIds = new Set(production.map(e => data(e).deploymentId));
    const attributed = ofType('incident.opened').filter(
      e => data(e).deploymentId,
    );
    expect(attributed.length).toBeGreaterThanOrEqual(3);
    expect(attributed.every(e => deploymentIds.has(data(e).deploymentId))).toBe(
      true,
    );

    const resolved = new Set(
      ofType('incident.resolved').map(e => data(e).incidentId),
    );
    const open = ofType('incident.opened').filter(
      e => !resolved.has(data(e).incidentId),
    );
    expect(open.map(e => data(e).service)).toContain('PLED001');
  });

  it('leaves open items spread across the stages at now', () => {
    const byKey = new Map<string, string>();
    const prKey = new Map<string, string>();
    for (const e of events) {
      const d = data(e);
      if (e.type === 'work_item.created') byKey.set(d.key, 'Backlog');
      if (e.type === 'work_item.status_changed')
        byKey.set(d.key, d.to === 'Done' ? 'Done' : 'In Progress');
      if (e.type.startsWith('pull_request.')) {
        const key = d.title
          ? /^[A-Z]+-\d+/.exec(d.title)![0]
          : prKey.get(`${e.repository}#${d.number}`)!;
        prKey.set(`${e.repository}#${d.number}`, key);
        if (e.type === 'pull_request.opened') byKey.set(key, 'Code Review');
        if (e.type === 'pull_request.merged') byKey.set(key, 'Merged');
      }
    }
    const open = [...byKey.values()].filter(stage => stage !== 'Done');
    const stages = new Set(open);
    expect([...stages].sort()).toEqual([
      'Backlog',
      'Code Review',
      'In Progress',
      'Merged',
    ]);
    expect(open.length).toBeGreaterThan(30);
  });
});
