import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import {
  checkout,
  PROFILE_CONFIG,
  teamCheckout,
} from '../__testUtils__/profileFixtures';
import { group, payments } from '../__testUtils__/testBackend';
import { readValueStreamConfig } from '../config/readConfig';
import { EntityIndex } from '../entities/EntityIndex';
import { ProfileRebuild } from './ProfileRebuild';

const CHECKOUT = 'component:default/checkout';
const PAYMENTS = 'component:default/payments';

/** A task over an in-memory meta table (`meta`, shared to model a restart). */
function setUp(valueStream: object, meta = new Map<string, string>()) {
  const rebuilt: string[][] = [];
  const logger = mockServices.logger.mock();
  const task = new ProfileRebuild({
    config: readValueStreamConfig(new ConfigReader({ valueStream })),
    store: {
      getMeta: async k => meta.get(k),
      setMeta: async (k, v) => {
        meta.set(k, v);
      },
      // Each entity has one item, named after it.
      itemKeysOfEntities: async refs => refs.map(r => `item-of-${r}`),
    },
    rebuildItems: async keys => {
      rebuilt.push(keys);
      return { itemKeys: keys, entityRefs: new Set() };
    },
    logger,
  });
  return { task, rebuilt, logger, meta };
}

const indexOf = (...entities: Entity[]) => new EntityIndex(entities);
const annotated = (e: Entity, profile: string): Entity => ({
  ...e,
  metadata: {
    ...e.metadata,
    annotations: { ...e.metadata.annotations, 'value-stream/profile': profile },
  },
});

describe('ProfileRebuild', () => {
  it('on a first run rebuilds the entities on a named profile, then nothing while nothing changes', async () => {
    const { task, rebuilt } = setUp(PROFILE_CONFIG);
    const index = indexOf(payments, group, checkout, teamCheckout);
    expect(await task.onIndex(index)).toEqual([CHECKOUT]);
    expect(rebuilt).toEqual([[`item-of-${CHECKOUT}`]]);
    expect(await task.onIndex(index)).toEqual([]);
    expect(rebuilt).toHaveLength(1);
  });

  it('rebuilds an entity that moves between profiles, both ways', async () => {
    const { task, rebuilt } = setUp(PROFILE_CONFIG);
    await task.onIndex(indexOf(payments, group, checkout, teamCheckout));
    expect(
      await task.onIndex(
        indexOf(
          annotated(payments, 'product-flow'),
          group,
          annotated(checkout, 'default'),
          teamCheckout,
        ),
      ),
    ).toEqual([CHECKOUT, PAYMENTS]);
    expect(rebuilt[1]).toEqual([`item-of-${CHECKOUT}`, `item-of-${PAYMENTS}`]);
  });

  it('without rebuildOnConfigChange, rebuilds moves but not a changed profile', async () => {
    const first = setUp(PROFILE_CONFIG);
    const index = indexOf(payments, group, checkout, teamCheckout);
    await first.task.onIndex(index);
    const changed = {
      ...PROFILE_CONFIG,
      rebuildOnConfigChange: false,
      profiles: {
        'product-flow': {
          ...PROFILE_CONFIG.profiles['product-flow'],
          statusMapping: { Testing: 'Review' },
        },
      },
    };
    // A restart with the changed profile, on the same stored state.
    const second = setUp(changed, first.meta);
    expect(await second.task.onIndex(index)).toEqual([]);
    expect(
      await second.task.onIndex(
        indexOf(payments, group, annotated(checkout, 'default'), teamCheckout),
      ),
    ).toEqual([CHECKOUT]);
  });

  it('warns once about an annotation naming no configured profile', async () => {
    const { task, logger } = setUp(PROFILE_CONFIG);
    const index = indexOf(annotated(payments, 'mobile'), group);
    await task.onIndex(index);
    await task.onIndex(index);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'value-stream: value-stream/profile names no configured profile on component:default/payments ("mobile"); they use their owner\'s profile or the top-level settings',
    );
  });
});
