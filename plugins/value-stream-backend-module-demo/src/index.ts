/**
 * Demo data for the value-stream plugin: a deterministic history of the
 * example services, fed through the real ingest path.
 *
 * @packageDocumentation
 */

export { valueStreamModuleDemo as default } from './module';
export { generateDemoHistory, DEMO_SERVICES } from './generate';
export type { GenerateDemoHistoryOptions, DemoService } from './generate';
