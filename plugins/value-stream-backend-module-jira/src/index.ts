/**
 * The Jira source module of the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModuleJira as default } from './module';
export { createJiraSourceAdapter } from './adapter';
export { jiraToEvents, type JiraMappingOptions } from './mapping';
