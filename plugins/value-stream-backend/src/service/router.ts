import type {
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { SourceAdapter } from '@valuestream/backstage-plugin-value-stream-node';
import type express from 'express';
import Router from 'express-promise-router';
import type { AlertService } from '../alerts/AlertService';
import type { EntityIndex } from '../entities/EntityIndex';
import type { FeatureOutcomeService } from './FeatureOutcomeService';
import type { DataHealthService } from '../dataHealth/DataHealthService';
import type { ImportService } from '../imports/ImportService';
import type { IngestService } from '../ingest/IngestService';
import type { MetricsService } from './MetricsService';
import type { OverviewService } from './OverviewService';
import { createOpenApiRouter } from './openApiRouter';
import { createRawBodyRouter } from './rawBodyRouter';
import type { WorkItemService } from './WorkItemService';
import type { CorrectionService } from '../corrections/CorrectionService';

/** @internal */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  logger: LoggerService;
  ingest: IngestService;
  metrics: MetricsService;
  /** `GET …/value`: value and feature outcomes (DESIGN §14). */
  featureOutcomes: FeatureOutcomeService;
  /** `GET /overview`: the organisation view (DESIGN §15). */
  overview: OverviewService;
  /** `GET …/data-health` (DESIGN §16). */
  dataHealth: DataHealthService;
  workItems: WorkItemService;
  alerts: AlertService;
  /** `POST /corrections` (DESIGN §16). */
  corrections: CorrectionService;
  sources: Map<string, SourceAdapter>;
  webhookSecrets: Record<string, string>;
  index: () => EntityIndex;
  rebuild: () => Promise<{ items: number }>;
  imports: ImportService;
  now?: () => number;
}

/**
 * The plugin's router (DESIGN §8, src/schema/openapi.yaml): the raw-body writes first,
 * then the router validated by the spec, whose JSON body parser would consume their bodies.
 *
 * @internal
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.use(createRawBodyRouter(options));
  router.use(createOpenApiRouter(options));
  return router;
}
