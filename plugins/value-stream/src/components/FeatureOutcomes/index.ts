export { FeatureOutcomes, FeatureOutcomesTable } from './FeatureOutcomes';
