/**
 * Catalog annotations that tie an entity to tool data (DESIGN §5); `jiraComponent`
 * narrows a Jira project key shared by several entities.
 * @public
 */
export const VALUE_STREAM_ANNOTATION = {
  githubSlug: 'github.com/project-slug',
  gitlabSlug: 'gitlab.com/project-slug',
  jiraProjectKey: 'jira/project-key',
  jiraComponent: 'jira/component',
  argocdApp: 'argocd/app-name',
  pagerdutyService: 'pagerduty.com/service-id',
  jenkinsJob: 'jenkins.io/job-full-name',
  /**
   * The `valueStream.profiles` entry whose stages, limits, mapping, alerts and Done the
   * entity follows (DESIGN §13 "Profiles"); else its owner's (`valueStream.profileByOwner`).
   */
  profile: 'value-stream/profile',
  /**
   * Monorepos (DESIGN §13): comma-separated globs of the files an entity owns in its
   * repository (`services/payments/**`); it then owns only the commits touching them.
   */
  paths: 'value-stream/paths',
} as const;

/**
 * The annotations events are resolved by, each with the source whose webhook feeds it.
 * An entity with at least one of them has a Value Stream tab.
 * @public
 */
export const VALUE_STREAM_ANNOTATIONS = [
  { annotation: VALUE_STREAM_ANNOTATION.githubSlug, source: 'github' },
  { annotation: VALUE_STREAM_ANNOTATION.gitlabSlug, source: 'gitlab' },
  { annotation: VALUE_STREAM_ANNOTATION.jiraProjectKey, source: 'jira' },
  { annotation: VALUE_STREAM_ANNOTATION.argocdApp, source: 'argocd' },
  { annotation: VALUE_STREAM_ANNOTATION.pagerdutyService, source: 'pagerduty' },
  { annotation: VALUE_STREAM_ANNOTATION.jenkinsJob, source: 'jenkins' },
] as const;
