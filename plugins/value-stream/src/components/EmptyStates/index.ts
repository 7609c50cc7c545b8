export { MissingAnnotation } from './MissingAnnotation';
export { NoEventsYet } from './NoEventsYet';
