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

/** A configured stage. @public */
export interface StageDefinition {
  name: string;
  category: StageCategory;
  /** Maximum number of items in the stage before it is over its limit. */
  wipLimit?: number;
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
  { name: STAGE.backlog, category: 'queue' },
  { name: STAGE.inProgress, category: 'active' },
  { name: STAGE.codeReview, category: 'wait' },
  { name: STAGE.build, category: 'active' },
  { name: STAGE.test, category: 'active' },
  { name: STAGE.deployStaging, category: 'active' },
  { name: STAGE.validation, category: 'wait' },
  { name: STAGE.deployProduction, category: 'active' },
  { name: STAGE.monitoring, category: 'active' },
  { name: STAGE.done, category: 'done' },
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
