// @ts-check
/*
 * Events accepted but not yet correlated (DESIGN §8 `GET /ingest/status`). `POST /events`
 * stores the event and its row here in one transaction and answers 202; the correlation
 * worker folds a batch of them, under the ingest lock, and deletes their rows in the same
 * transaction as the journeys it writes. A crash in between leaves the rows: the next pass
 * (on any replica) takes them again, and re-folding is idempotent. Events stored before this
 * migration were correlated when they arrived, so nothing is backfilled.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('vs_pending', t => {
    t.bigInteger('seq').primary(); // vs_events.seq
    t.bigInteger('received_at').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTableIfExists('vs_pending');
};
