// @ts-check
/*
 * `done.mode: delivered` (DESIGN §13, §17): an item closed in the tracker whose production
 * deployment is still under observation enters Done when the observation ends, with no new
 * event. `observation_ends_at` is shown on the item (remaining observation time);
 * `done_due_at` is when the item must be rebuilt to enter Done, indexed so the scheduled
 * pass (DeliveredDoneTask) reads only the items that are due.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('vs_work_items', t => {
    t.bigInteger('observation_ends_at').nullable();
    t.bigInteger('done_due_at').nullable();
    t.index(['done_due_at'], 'vs_work_items_done_due_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('vs_work_items', t => {
    t.dropIndex(['done_due_at'], 'vs_work_items_done_due_idx');
    t.dropColumn('observation_ends_at');
    t.dropColumn('done_due_at');
  });
};
