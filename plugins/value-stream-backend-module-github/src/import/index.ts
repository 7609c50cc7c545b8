export { GithubHistoryImporter } from './GithubHistoryImporter';
export type { GithubHistoryImporterOptions } from './GithubHistoryImporter';
export type { GithubClientTuning } from './githubClient';
