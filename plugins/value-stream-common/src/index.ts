/**
 * Common types, schemas and permissions of the value-stream plugin.
 *
 * @packageDocumentation
 */
export * from './stages';
export * from './events';
export * from './api';
export * from './overview';
export * from './permissions';
export * from './corrections';
export * from './annotations';
export * from './formatDuration';
export * from './feedbackEvents';
export * from './featureOutcomes';
export * from './dataHealth';
export * from './alertHistory';
