export * from './fetchJson';
export { rateLimitWaitMs } from './retryDelay';
export { sleep } from './sleep';
