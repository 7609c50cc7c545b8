import type { SchedulerService } from '@backstage/backend-plugin-api';
import type { EntityIndexRefresher } from '../entities/EntityIndexRefresher';

/** Re-reads the catalog into the reverse index every 30 s, on each replica (its own copy). */
export class EntityIndexTask {
  constructor(
    private readonly scheduler: SchedulerService,
    private readonly index: EntityIndexRefresher,
  ) {}

  async start() {
    await this.scheduler.scheduleTask({
      id: 'value-stream-entity-index',
      frequency: { seconds: 30 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 0 },
      scope: 'local',
      fn: async () => {
        await this.index.refresh();
      },
    });
  }
}
