export { SystemCard } from './SystemCard';
