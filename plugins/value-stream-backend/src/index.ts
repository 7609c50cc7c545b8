/**
 * The value-stream backend plugin.
 *
 * @packageDocumentation
 */
export { valueStreamPlugin as default } from './plugin';
