export { AlertTask } from './AlertTask';
export { EntityIndexTask } from './EntityIndexTask';
export { JourneyRebuild } from './JourneyRebuild';
export { ImportRunner } from './ImportRunner';
