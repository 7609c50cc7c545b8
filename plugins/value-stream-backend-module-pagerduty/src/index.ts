/**
 * The PagerDuty source module of the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModulePagerduty as default } from './module';
export { pagerDutySourceAdapter } from './adapter';
export { pagerDutyToEvents } from './mapping';
