import { STAGE } from '@valuestream/backstage-plugin-value-stream-common';

/**
 * Default tool-status → stage mapping, matched case-insensitively. Covers the
 * default Jira workflows, GitHub issue states and GitLab issue states/labels.
 */
export const DEFAULT_STATUS_MAPPING: Record<string, string> = {
  backlog: STAGE.backlog,
  'to do': STAGE.backlog,
  todo: STAGE.backlog,
  open: STAGE.backlog,
  opened: STAGE.backlog,
  new: STAGE.backlog,
  reopened: STAGE.backlog,
  'selected for development': STAGE.backlog,
  'ready for development': STAGE.backlog,
  'in progress': STAGE.inProgress,
  'in development': STAGE.inProgress,
  doing: STAGE.inProgress,
  started: STAGE.inProgress,
  'in review': STAGE.codeReview,
  'code review': STAGE.codeReview,
  'in code review': STAGE.codeReview,
  review: STAGE.codeReview,
  testing: STAGE.test,
  'in test': STAGE.test,
  'in testing': STAGE.test,
  qa: STAGE.test,
  'in qa': STAGE.test,
  validation: STAGE.validation,
  verification: STAGE.validation,
  'ready for release': STAGE.validation,
  done: STAGE.done,
  closed: STAGE.done,
  resolved: STAGE.done,
  complete: STAGE.done,
  completed: STAGE.done,
  released: STAGE.done,
};
