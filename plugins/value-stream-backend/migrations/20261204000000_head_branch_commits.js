// @ts-check
/*
 * A PR's commits include those pushed to its head branch before it merged (DESIGN §4), on
 * the webhook path where PR events list no commits. Such pairs are derived from the
 * branch and are recomputed when a PR or push of the branch arrives (`via_branch`); pairs
 * an event lists stay as they are. Branch lookups need an index on each side.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('vs_pr_commits', t => {
    t.boolean('via_branch').notNullable().defaultTo(false);
  });
  await knex.schema.alterTable('vs_commits', t => {
    t.index(['branch'], 'vs_commits_branch_idx');
  });
  await knex.schema.alterTable('vs_pull_requests', t => {
    t.index(['branch'], 'vs_pull_requests_branch_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('vs_pull_requests', t => {
    t.dropIndex(['branch'], 'vs_pull_requests_branch_idx');
  });
  await knex.schema.alterTable('vs_commits', t => {
    t.dropIndex(['branch'], 'vs_commits_branch_idx');
  });
  await knex.schema.alterTable('vs_pr_commits', t => {
    t.dropColumn('via_branch');
  });
};
