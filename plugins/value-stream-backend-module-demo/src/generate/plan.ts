import type { ItemType } from '@valuestream/backstage-plugin-value-stream-common';
import type { DemoService } from './services';
import type { ItemText } from './texts';
import type { Millis } from './time';

/** The story of one work item, before it becomes events. Times in epoch ms. */
export interface PlannedItem {
  service: DemoService;
  /** Stable per service, e.g. `item-12` or `scenario-blocked`: names the item's random stream. */
  streamId: string;
  /** Assigned once all items are planned, in creation order (`PAY-101`). */
  key: string;
  itemType: ItemType;
  text: ItemText;
  value?: number;
  createdAt: Millis;
  startedAt: Millis;
  blocks: Array<{ from: Millis; to: Millis; reason: string }>;
  /** Commits on the feature branch; `fix` answers a review. */
  commits: Array<{ sha: string; at: Millis; kind: 'first' | 'more' | 'fix' }>;
  pr: {
    /** Assigned once all items are planned, in opening order. */
    number: number;
    openedAt: Millis;
    reviews: Array<{
      at: Millis;
      state: 'approved' | 'changes_requested' | 'commented';
    }>;
    mergedAt: Millis;
    mergeSha: string;
  };
  builds: Array<{
    /** Assigned once all items are planned, in start order. */
    number: number;
    startedAt: Millis;
    finishedAt: Millis;
    status: 'success' | 'failure';
  }>;
  /** When the merged change is built and waits for the deployment train. */
  readyAt: Millis;
  /** Set by the deployment plan: tracker moved to Done. */
  doneAt?: Millis;
}

/** A deployment to one environment. A rollback has no start. */
export interface PlannedDeployment {
  number: number;
  deploymentId: string;
  environment: 'staging' | 'production';
  startedAt: Millis;
  finishedAt: Millis;
  status: 'success' | 'failure';
  commitSha: string;
  commits: string[];
  rolledBackAt?: Millis;
}

export interface PlannedIncident {
  /** Names the incident in event ids: its number, or `open` for the scenario's. */
  label: string;
  incidentId: string;
  openedAt: Millis;
  resolvedAt?: Millis;
  severity: 'high' | 'low';
  title: string;
  deploymentId?: string;
}

/** Times the story is told around. */
export interface Timeline {
  seed: string;
  /** The story's present: scenarios (the review pile-up, blocked items) are placed around it. */
  anchor: Millis;
  windowStart: Millis;
  /** Nothing happens after this. */
  end: Millis;
  /**
   * The real start of the demo: the observed scenario items are shipped a few hours before
   * it (delivered Done's observation); the anchor when not given.
   */
  observedAt: Millis;
}
