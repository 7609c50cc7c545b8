/**
 * Extension points of the value-stream backend (source adapters, stage mapping, producers),
 * the adapter toolkit the source modules share, and the CDEvents mapping.
 *
 * @packageDocumentation
 */
export * from './extensionPoints';
export * from './importers';
export * from './webhookVerification';
export * from './cdevents';
export * from './adapterToolkit';
export * from './importToolkit';
