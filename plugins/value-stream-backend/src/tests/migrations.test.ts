import { DatabaseValueStreamStore } from '../database/DatabaseValueStreamStore';
import { databases } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('goes up with data in it and all the way down', async () => {
    const knex = await databases.init(databaseId);
    const directory = DatabaseValueStreamStore.migrationsDirectory();
    await knex.migrate.latest({ directory });
    await knex('vs_events').insert({
      source: 's',
      id: '1',
      type: 'work_item.created',
      occurred_at: 1,
      received_at: 2,
      subject: 'item:A-1',
      payload: '{}',
    });
    expect(await knex('vs_events').count({ n: '*' })).toEqual([
      { n: expect.anything() },
    ]);
    // One open alert per (rule, entity, subject): the partial unique index holds.
    const alert = {
      rule: 'item_blocked',
      entity_ref: 'e',
      subject: 'A-1',
      severity: 'warning',
      message: 'm',
      detected_at: 1,
    };
    await knex('vs_alerts').insert({ ...alert, id: 'a1' });
    await knex('vs_alerts')
      .insert({ ...alert, id: 'a2' })
      .onConflict()
      .ignore();
    const open = await knex('vs_alerts')
      .where({ subject: 'A-1' })
      .whereNull('resolved_at');
    expect(open.map(a => a.id)).toEqual(['a1']);
    await knex('vs_alerts').where({ id: 'a1' }).update({ resolved_at: 5 });
    await knex('vs_alerts').insert({ ...alert, id: 'a2' });

    await knex.migrate.rollback({ directory }, true);
    expect(await knex.schema.hasTable('vs_events')).toBe(false);
    expect(await knex.schema.hasTable('vs_alerts')).toBe(false);
  });
});
