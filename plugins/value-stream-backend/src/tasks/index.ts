export { AlertTask } from './AlertTask';
export { DeliveredDoneTask } from './DeliveredDoneTask';
export { EntityIndexTask } from './EntityIndexTask';
export { JourneyRebuild } from './JourneyRebuild';
export { ImportRunner } from './ImportRunner';
export { ProfileRebuild } from './ProfileRebuild';
export { RetentionTask } from './RetentionTask';
