export { WorkItemJourney } from './WorkItemJourney';
