/***/
/**
 * The jenkins backend module for the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModuleJenkins as default } from './module';
