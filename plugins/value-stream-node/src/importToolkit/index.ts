export * from './fetchJson';
export { rateLimitWaitMs } from './retryDelay';
