export { Charts } from './Charts';
