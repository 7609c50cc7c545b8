import { DEMO_SERVICES } from '../generate';
import { planDeployments } from '../generate/planDeployments';
import { planItems } from '../generate/planItems';
import { DAY, type Millis } from '../generate/time';
import { githubRepository, type DemoRepository } from './githubRepository';
import { IMPORT_DEMO_SERVICE } from './importService';
import { jiraProject, type DemoJiraIssue } from './jiraProject';

/** What the demo's GitHub and Jira hold. */
export interface DemoImportHistory {
  github: DemoRepository;
  jira: { key: string; issues: DemoJiraIssue[] };
}

/**
 * The GitHub repository and Jira project of {@link IMPORT_DEMO_SERVICE}: the demo
 * generator's plan (same seed and anchor as the feed, so the same story every start in a
 * week) up to `now`. Pure.
 */
export function importDemoHistory(options: {
  seed: number;
  days: number;
  anchor: Millis;
  now: Millis;
}): DemoImportHistory {
  const timeline = {
    seed: String(options.seed),
    anchor: options.anchor,
    windowStart: options.anchor - options.days * DAY,
    end: options.now,
    // The same story every start in a week: its observed items sit before the anchor.
    observedAt: options.anchor,
  };
  const service = IMPORT_DEMO_SERVICE;
  // the index places its scenario items after those of the feed's services
  const items = planItems(service, DEMO_SERVICES.length, timeline);
  const { deployments } = planDeployments(service, items, timeline);
  return {
    github: githubRepository(
      service.repository,
      items,
      deployments,
      options.now,
    ),
    jira: { key: service.jiraKey, issues: jiraProject(items, options.now) },
  };
}
