export { JiraHistoryImporter, projectKeysOf } from './JiraHistoryImporter';
export type { JiraHistoryImporterOptions } from './JiraHistoryImporter';
export { readJiraImportConfig } from './jiraImportConfig';
export type { JiraImportConfig } from './jiraImportConfig';
