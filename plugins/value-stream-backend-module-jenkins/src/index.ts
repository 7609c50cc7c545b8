/**
 * The Jenkins source module of the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModuleJenkins as default } from './module';
export { jenkinsSourceAdapter } from './adapter';
export { jenkinsToEvents } from './mapping';
