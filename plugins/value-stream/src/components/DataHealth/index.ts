export { DataHealthCard, DataHealthView } from './DataHealthCard';
export { WeakestServices } from './WeakestServices';
export { healthFigures, weakestServices } from './healthFigures';
