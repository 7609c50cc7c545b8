/***/
/**
 * The cdevents backend module for the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModuleCdevents as default } from './module';
