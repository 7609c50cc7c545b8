/***/
/**
 * The github backend module for the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModuleGithub as default } from './module';
