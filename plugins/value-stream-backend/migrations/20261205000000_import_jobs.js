// @ts-check
/*
 * History import jobs (DESIGN §12): one row per (entity, source, scope) with its state,
 * the cursor it resumes from after a restart, its progress counts and when it runs next.
 * A replica runs a job only while it holds the row's lease (`lease_owner` until
 * `lease_until`), taken with one conditional UPDATE, so two replicas never run one job.
 * `since` is the lower bound of the current run (kept so a resumed run reads what it
 * began reading); `attempts` counts transient failures for the backoff.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('vs_import_jobs', t => {
    t.string('entity_ref', 512).notNullable();
    t.string('source', 128).notNullable();
    t.string('scope', 512).notNullable();
    t.string('state', 16).notNullable();
    t.text('cursor').nullable();
    t.bigInteger('items').notNullable().defaultTo(0);
    t.bigInteger('events').notNullable().defaultTo(0);
    t.bigInteger('total').nullable();
    t.text('error').nullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.bigInteger('since').nullable();
    t.bigInteger('started_at').nullable();
    t.bigInteger('finished_at').nullable();
    t.bigInteger('next_run_at').nullable();
    t.bigInteger('last_success_started_at').nullable();
    t.string('lease_owner', 64).nullable();
    t.bigInteger('lease_until').nullable();
    t.primary(['entity_ref', 'source', 'scope']);
    // The runner's claim: runnable states whose next run is due.
    t.index(['state', 'next_run_at'], 'vs_import_jobs_due_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists('vs_import_jobs');
};
