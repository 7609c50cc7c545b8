/***/
/**
 * The argocd backend module for the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModuleArgocd as default } from './module';
