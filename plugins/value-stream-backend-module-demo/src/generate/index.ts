export { generateDemoHistory } from './generateDemoHistory';
export type { GenerateDemoHistoryOptions } from './generateDemoHistory';
export { DEMO_SERVICES } from './services';
export type { DemoService } from './services';
export { startOfUtcWeek } from './time';
