/***/
/**
 * The pagerduty backend module for the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModulePagerduty as default } from './module';
