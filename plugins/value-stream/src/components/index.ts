export * from './AlertsList';
export * from './Charts';
export * from './DateRangePicker';
export * from './EmptyStates';
export { MetricCards } from './MetricCards';
export * from './StageLanes';
export * from './TeamCard';
export * from './ValueStreamContent';
export * from './WorkItemJourney';
