export { valueStreamApi } from './apis';
export { valueStreamEntityContent } from './entityContent';
export { valueStreamTeamCard } from './entityCards';
