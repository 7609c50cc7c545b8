export { AlertsList } from './AlertsList';
