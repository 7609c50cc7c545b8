/**
 * The Prometheus module of the value-stream plugin: daily feature usage from PromQL.
 *
 * @packageDocumentation
 */

export { valueStreamModulePrometheus as default } from './module';
