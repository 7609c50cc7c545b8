/**
 * The GitLab source module of the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModuleGitlab as default } from './module';
export { gitlabSourceAdapter } from './adapter';
export { gitlabToEvents } from './mapping';
