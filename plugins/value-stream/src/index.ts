export { valueStreamPlugin as default } from './plugin';
