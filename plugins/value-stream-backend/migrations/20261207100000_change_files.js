// @ts-check
/*
 * Monorepos (DESIGN §13): the files each commit and PR touched, from push payloads and the
 * importers, so an entity whose paths name a folder owns only the commits touching it.
 * A commit with no rows here has unknown files (it goes to every entity of its repository).
 * Written in batches by the correlator; read by sha or PR id (the primary keys' prefix).
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('vs_commit_files', t => {
    t.string('sha', 100).notNullable();
    t.string('path', 500).notNullable();
    t.primary(['sha', 'path']);
  });
  await knex.schema.createTable('vs_pr_files', t => {
    t.string('pr_id', 320).notNullable();
    t.string('path', 500).notNullable();
    t.primary(['pr_id', 'path']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('vs_pr_files');
  await knex.schema.dropTable('vs_commit_files');
};
