// @ts-check
/*
 * Bottleneck history (DESIGN §15): an entity's alerts detected in a window are one index
 * range on (entity_ref, detected_at); those resolved in it use vs_alerts_entity_idx
 * (entity_ref, resolved_at).
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('vs_alerts', t => {
    t.index(['entity_ref', 'detected_at'], 'vs_alerts_entity_detected_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('vs_alerts', t => {
    t.dropIndex([], 'vs_alerts_entity_detected_idx');
  });
};
