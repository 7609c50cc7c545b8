export { AlertHistory } from './AlertHistory';
