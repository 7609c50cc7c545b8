export { ValueStreamContent } from './ValueStreamContent';
