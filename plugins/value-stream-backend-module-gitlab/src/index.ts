/***/
/**
 * The gitlab backend module for the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModuleGitlab as default } from './module';
