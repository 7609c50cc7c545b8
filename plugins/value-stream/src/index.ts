/**
 * Value Stream for Backstage: lanes, flow and DORA metrics, bottleneck alerts
 * and work-item journeys on entity pages.
 *
 * @packageDocumentation
 */
export {
  valueStreamPlugin,
  EntityValueStreamContent,
  EntityValueStreamTeamCard,
  EntityValueStreamSystemCard,
  ValueStreamPage,
} from './plugin';
export { organisationRouteRef } from './routes';
export {
  isValueStreamAvailable,
  VALUE_STREAM_ANNOTATIONS,
} from './lib/annotations';
export * from './api';
