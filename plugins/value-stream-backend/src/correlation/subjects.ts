// Moved to model/subjects.ts; re-exported while correlation code still imports it here.
export { prId, subjectOf } from '../model/subjects';
