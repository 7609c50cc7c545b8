// @ts-check
/*
 * Corrections (DESIGN §16): derived from the `correction.*` events, so a rebuild or replay
 * writes them again.
 * - vs_link_corrections: the last link/unlink of an (item, commit or PR) pair; key linking
 *   never adds an unlinked pair back, and relinking never removes a linked one.
 * - vs_excluded_item_entities: the entities of excluded items (kept out of
 *   vs_item_entities, so they leave every metric, lane and alert; the journey stays readable).
 * - vs_incidents.attribution_corrected / corrected_deployment_id: an attribute_incident.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('vs_link_corrections', t => {
    t.string('item_key', 300).notNullable();
    t.string('kind', 10).notNullable();
    t.string('ref', 320).notNullable();
    t.boolean('linked').notNullable();
    t.primary(['item_key', 'kind', 'ref']);
    t.index(['kind', 'ref'], 'vs_link_corrections_ref_idx');
  });
  await knex.schema.createTable('vs_excluded_item_entities', t => {
    t.string('item_key', 300).notNullable();
    t.string('entity_ref', 512).notNullable();
    t.primary(['item_key', 'entity_ref']);
  });
  await knex.schema.alterTable('vs_incidents', t => {
    t.boolean('attribution_corrected').notNullable().defaultTo(false);
    t.string('corrected_deployment_id', 300).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('vs_incidents', t => {
    t.dropColumn('corrected_deployment_id');
    t.dropColumn('attribution_corrected');
  });
  await knex.schema.dropTable('vs_excluded_item_entities');
  await knex.schema.dropTable('vs_link_corrections');
};
