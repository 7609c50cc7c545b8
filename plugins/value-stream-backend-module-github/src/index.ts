/**
 * The GitHub source module of the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModuleGithub as default } from './module';
export { githubSourceAdapter } from './adapter';
export { githubToEvents, GITHUB_EVENTS } from './mapping';
export { GithubHistoryImporter } from './import';
export type {
  GithubHistoryImporterOptions,
  GithubClientTuning,
} from './import';
