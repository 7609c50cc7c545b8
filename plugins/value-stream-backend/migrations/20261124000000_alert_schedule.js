// @ts-check
/*
 * When each entity's alerts must be evaluated again with no new event (the earliest
 * threshold crossing, or the periodic refresh): the scheduled pass reads only the due ones
 * instead of re-evaluating every entity every minute. Entities without a row are due, so
 * an upgraded database is evaluated in full once.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('vs_alert_schedule', t => {
    t.string('entity_ref', 512).primary();
    t.bigInteger('due_at').notNullable();
    t.index(['due_at'], 'vs_alert_schedule_due_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists('vs_alert_schedule');
};
