export { StageLanes } from './StageLanes';
