/**
 * The Focalboard source module of the value-stream plugin.
 *
 * @packageDocumentation
 */

export { valueStreamModuleFocalboard as default } from './module';
