/**
 * Extension points of the value-stream backend: source adapters, stage mapping, producers.
 *
 * @packageDocumentation
 */
export * from './extensionPoints';
export * from './webhookVerification';
export * from './cdevents';
