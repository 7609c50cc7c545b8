export { valueStreamApi } from './apis';
export { valueStreamEntityContent } from './entityContent';
export { valueStreamTeamCard, valueStreamSystemCard } from './entityCards';
export { valueStreamPage } from './page';
