/**
 * The Argo CD source module of the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModuleArgocd as default } from './module';
export { createArgoCdSourceAdapter } from './adapter';
export { argoCdToEvents, type ArgoCdMappingOptions } from './mapping';
