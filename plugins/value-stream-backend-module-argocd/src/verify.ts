/**
 * The tool cannot sign its requests, so it presents the shared token (see the README).
 * @internal
 */
export { verifySharedToken } from '@valuestream/backstage-plugin-value-stream-node';
