/***/
/**
 * The jira backend module for the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModuleJira as default } from './module';
