// @ts-check
/*
 * Covering indexes for the per-entity reads. An entity's items are scattered over the heap of
 * a large vs_work_items / vs_stage_intervals (rows arrive interleaved with every other
 * entity's), so a metrics read of 10k items paid ~10k random page reads. Keys of one entity
 * sort together (one project prefix), so these indexes hold what the reads need in a few
 * adjacent pages, and PostgreSQL answers from the index alone once (auto)vacuum has marked
 * the pages all-visible; SQLite uses them as covering indexes directly.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('vs_work_items', t => {
    t.index(
      [
        'key',
        'done_at',
        'stage',
        'stage_category',
        'item_type',
        'created_at',
        'started_at',
        'cycle_time',
        'lead_time',
        'active_time',
        'wait_time',
        'blocked_time',
      ],
      'vs_work_items_entity_read_idx',
    );
  });
  await knex.schema.alterTable('vs_stage_intervals', t => {
    t.index(
      ['item_key', 'exited_at', 'entered_at', 'stage', 'category', 'seq'],
      'vs_stage_intervals_entity_read_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('vs_stage_intervals', t => {
    t.dropIndex([], 'vs_stage_intervals_entity_read_idx');
  });
  await knex.schema.alterTable('vs_work_items', t => {
    t.dropIndex([], 'vs_work_items_entity_read_idx');
  });
};
