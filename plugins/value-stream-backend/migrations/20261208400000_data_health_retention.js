// @ts-check
/*
 * Data health and retention (DESIGN §16). The data-health read takes an entity's commits and
 * PRs of the last 30 days by repository (compared lower-cased, as the entity index does) and
 * time, so each is one index range per repository; retention walks the events older than
 * its limit by `occurred_at`, in bounded batches.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.raw(
    'create index vs_commits_repo_pushed_idx on vs_commits (lower(repository), pushed_at)',
  );
  await knex.raw(
    'create index vs_pull_requests_repo_updated_idx on vs_pull_requests (lower(repository), updated_at)',
  );
  await knex.schema.alterTable('vs_events', t => {
    t.index(['occurred_at'], 'vs_events_occurred_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('vs_events', t => {
    t.dropIndex([], 'vs_events_occurred_idx');
  });
  await knex.raw('drop index vs_pull_requests_repo_updated_idx');
  await knex.raw('drop index vs_commits_repo_pushed_idx');
};
