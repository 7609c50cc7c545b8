export type { CDCloudEvent } from './types';
export { isCDEventType } from './parse';
export { cdeventToCanonical, MAPPED_CDEVENT_KINDS } from './mapping';
