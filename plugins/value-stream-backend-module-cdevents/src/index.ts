/**
 * The CDEvents source module of the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModuleCdevents as default } from './module';
export { cdeventsSourceAdapter } from './adapter';
