/**
 * Category of a value-stream stage (DESIGN §4).
 * - `queue`: waiting to be started (Backlog)
 * - `active`: someone or something is working on the item
 * - `wait`: the item waits (review, validation)
 * - `done`: finished
 * @public
 */
export type StageCategory = 'queue' | 'active' | 'wait' | 'done';

/** @public */
export const STAGE_CATEGORIES: readonly StageCategory[] = [
  'queue',
  'active',
  'wait',
  'done',
];

/**
 * The kinds of automatic evidence (DESIGN §4 table, §13 stage roles). Evidence enters the
 * stage that claims its role; evidence whose role no stage claims moves nothing.
 * @public
 */
export type StageRole =
  | 'first_commit'
  | 'pr_opened'
  | 'pr_merged'
  | 'build_started'
  | 'build_succeeded'
  | 'staging_deploy_started'
  | 'staging_deploy_succeeded'
  | 'production_deploy_started'
  | 'production_deploy_succeeded';

/** Every stage role, in the order of the default value stream. @public */
export const STAGE_ROLES: readonly StageRole[] = [
  'first_commit',
  'pr_opened',
  'pr_merged',
  'build_started',
  'build_succeeded',
  'staging_deploy_started',
  'staging_deploy_succeeded',
  'production_deploy_started',
  'production_deploy_succeeded',
];

/** A configured stage. @public */
export interface StageDefinition {
  name: string;
  category: StageCategory;
  /** Maximum number of items in the stage before it is over its limit. */
  wipLimit?: number;
  /** The automatic evidence that moves an item into this stage (DESIGN §13). */
  roles?: readonly StageRole[];
}

/** The canonical stage names of the default value stream. @public */
export const STAGE = {
  backlog: 'Backlog',
  inProgress: 'In Progress',
  codeReview: 'Code Review',
  build: 'Build',
  test: 'Test',
  deployStaging: 'Deploy Staging',
  validation: 'Validation',
  deployProduction: 'Deploy Production',
  monitoring: 'Monitoring',
  done: 'Done',
} as const;

/** The ten default stages, in order (DESIGN §4). @public */
export const DEFAULT_STAGES: readonly StageDefinition[] = [
  { name: STAGE.backlog, category: 'queue', roles: [] },
  { name: STAGE.inProgress, category: 'active', roles: ['first_commit'] },
  { name: STAGE.codeReview, category: 'wait', roles: ['pr_opened'] },
  {
    name: STAGE.build,
    category: 'active',
    roles: ['pr_merged', 'build_started'],
  },
  { name: STAGE.test, category: 'active', roles: ['build_succeeded'] },
  {
    name: STAGE.deployStaging,
    category: 'active',
    roles: ['staging_deploy_started'],
  },
  {
    name: STAGE.validation,
    category: 'wait',
    roles: ['staging_deploy_succeeded'],
  },
  {
    name: STAGE.deployProduction,
    category: 'active',
    roles: ['production_deploy_started'],
  },
  {
    name: STAGE.monitoring,
    category: 'active',
    roles: ['production_deploy_succeeded'],
  },
  { name: STAGE.done, category: 'done', roles: [] },
];

/** Work item types of the Flow Framework. @public */
export type ItemType = 'feature' | 'defect' | 'risk' | 'debt';

/** @public */
export const ITEM_TYPES: readonly ItemType[] = [
  'feature',
  'defect',
  'risk',
  'debt',
];
