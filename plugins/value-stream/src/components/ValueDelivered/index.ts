export { ValueDelivered } from './ValueDelivered';
