/***/
/**
 * The demo backend module for the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModuleDemo as default } from './module';
