export { MetricCards } from './MetricCards';
export { MetricCard } from './MetricCard';
export { metricFigures } from './metricFigures';
