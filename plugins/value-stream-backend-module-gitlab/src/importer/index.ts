export { GitlabHistoryImporter } from './GitlabHistoryImporter';
export type { GitlabImportTuning } from './GitlabHistoryImporter';
