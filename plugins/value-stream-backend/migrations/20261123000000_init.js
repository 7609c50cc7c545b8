// @ts-check
/*
 * First schema of the value-stream store. All times are epoch milliseconds (bigint),
 * so comparisons behave the same on SQLite and PostgreSQL.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  // Raw events, kept for replay; (source, id) makes a repeat a no-op.
  await knex.schema.createTable('vs_events', t => {
    t.bigIncrements('seq');
    t.string('source', 200).notNullable();
    t.string('id', 512).notNullable();
    t.string('type', 200).notNullable();
    t.bigInteger('occurred_at').notNullable();
    t.bigInteger('received_at').notNullable();
    t.string('entity_ref', 512).nullable();
    t.string('repository', 300).nullable();
    // What the event is about: `item:<key>`, `commit:<sha>`, `pr:<repo>#<n>`,
    // `build:<id>`, `deployment:<id>`, `incident:<id>`; null for ignored types.
    t.string('subject', 400).nullable();
    t.text('payload').notNullable();
    t.unique(['source', 'id'], { indexName: 'vs_events_source_id_uq' });
    t.index(['subject'], 'vs_events_subject_idx');
  });

  await knex.schema.createTable('vs_work_items', t => {
    t.string('key', 300).primary();
    t.text('title').notNullable();
    t.string('item_type', 20).notNullable();
    t.string('priority', 100).nullable();
    t.integer('value').nullable();
    t.text('labels').nullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('started_at').nullable();
    t.bigInteger('done_at').nullable();
    t.string('stage', 200).notNullable();
    t.string('stage_category', 20).notNullable();
    t.bigInteger('stage_entered_at').notNullable();
    t.boolean('blocked').notNullable().defaultTo(false);
    t.bigInteger('blocked_since').nullable();
    t.double('cycle_time').nullable();
    t.double('lead_time').nullable();
    t.double('active_time').nullable();
    t.double('wait_time').nullable();
    t.double('blocked_time').nullable();
    t.text('journey').notNullable();
    // Digest of the journey, attributes and entities: unchanged items are not rewritten.
    t.string('digest', 64).nullable();
    t.index(['done_at'], 'vs_work_items_done_at_idx');
  });

  // Item <-> entity (an item may belong to several entities).
  await knex.schema.createTable('vs_item_entities', t => {
    t.string('entity_ref', 512).notNullable();
    t.string('item_key', 300).notNullable();
    t.primary(['entity_ref', 'item_key']);
    t.index(['item_key'], 'vs_item_entities_item_idx');
  });

  await knex.schema.createTable('vs_stage_intervals', t => {
    t.string('item_key', 300).notNullable();
    t.integer('seq').notNullable();
    t.string('stage', 200).notNullable();
    t.string('category', 20).notNullable();
    t.bigInteger('entered_at').notNullable();
    t.bigInteger('exited_at').nullable();
    t.primary(['item_key', 'seq']);
    t.index(['exited_at'], 'vs_stage_intervals_exited_idx');
  });

  await knex.schema.createTable('vs_commits', t => {
    t.string('sha', 100).primary();
    t.string('repository', 300).nullable();
    t.text('message').notNullable();
    t.string('branch', 300).nullable();
    t.boolean('on_default').notNullable().defaultTo(false);
    t.bigInteger('authored_at').notNullable();
    t.bigInteger('pushed_at').notNullable();
    t.index(['repository'], 'vs_commits_repository_idx');
  });

  await knex.schema.createTable('vs_pull_requests', t => {
    t.string('id', 320).primary(); // "<repository>#<number>"
    t.string('repository', 300).nullable();
    t.integer('number').notNullable();
    t.text('title').notNullable();
    t.text('body').nullable();
    t.string('branch', 300).nullable();
    t.string('state', 20).notNullable();
    t.bigInteger('opened_at').nullable();
    t.bigInteger('merged_at').nullable();
    t.bigInteger('closed_at').nullable();
    t.string('merge_commit_sha', 100).nullable();
    t.bigInteger('updated_at').notNullable();
    t.index(['repository', 'merged_at'], 'vs_pull_requests_repo_merged_idx');
  });

  await knex.schema.createTable('vs_pr_commits', t => {
    t.string('pr_id', 320).notNullable();
    t.string('sha', 100).notNullable();
    t.primary(['pr_id', 'sha']);
    t.index(['sha'], 'vs_pr_commits_sha_idx');
  });

  await knex.schema.createTable('vs_builds', t => {
    t.string('build_id', 300).primary();
    t.string('repository', 300).nullable();
    t.string('pipeline', 300).nullable();
    t.string('commit_sha', 100).notNullable();
    t.bigInteger('started_at').nullable();
    t.bigInteger('finished_at').nullable();
    t.string('status', 20).nullable();
    t.index(['commit_sha'], 'vs_builds_commit_idx');
  });

  await knex.schema.createTable('vs_deployments', t => {
    t.string('deployment_id', 300).primary();
    t.string('environment', 200).notNullable();
    t.string('env_class', 20).notNullable();
    t.string('service', 300).nullable();
    t.string('repository', 300).nullable();
    t.string('entity_ref', 512).nullable();
    t.string('commit_sha', 100).nullable();
    t.boolean('explicit_commits').notNullable().defaultTo(false);
    t.bigInteger('started_at').nullable();
    t.bigInteger('finished_at').nullable();
    t.string('status', 20).nullable();
    t.bigInteger('rolled_back_at').nullable();
    t.index(['env_class', 'finished_at'], 'vs_deployments_class_finished_idx');
  });

  await knex.schema.createTable('vs_deployment_commits', t => {
    t.string('deployment_id', 300).notNullable();
    t.string('sha', 100).notNullable();
    t.primary(['deployment_id', 'sha']);
    t.index(['sha'], 'vs_deployment_commits_sha_idx');
  });

  await knex.schema.createTable('vs_incidents', t => {
    t.string('incident_id', 300).primary();
    t.string('service', 300).nullable();
    t.string('entity_ref', 512).nullable();
    t.string('severity', 100).nullable();
    t.text('title').nullable();
    t.string('deployment_id', 300).nullable();
    t.string('commit_sha', 100).nullable();
    t.bigInteger('opened_at').nullable();
    t.bigInteger('resolved_at').nullable();
  });

  // Which entity a deployment, incident or repository-level artifact belongs to.
  await knex.schema.createTable('vs_artifact_entities', t => {
    t.string('entity_ref', 512).notNullable();
    t.string('kind', 20).notNullable(); // deployment | incident
    t.string('ref', 320).notNullable();
    t.primary(['entity_ref', 'kind', 'ref']);
    t.index(['kind', 'ref'], 'vs_artifact_entities_ref_idx');
  });

  // Work-item key <-> commit sha / pull request id, from keys found in messages.
  await knex.schema.createTable('vs_item_links', t => {
    t.string('item_key', 300).notNullable();
    t.string('kind', 20).notNullable(); // commit | pr
    t.string('ref', 320).notNullable();
    t.primary(['item_key', 'kind', 'ref']);
    t.index(['kind', 'ref'], 'vs_item_links_ref_idx');
  });

  await knex.schema.createTable('vs_alerts', t => {
    t.string('id', 64).primary();
    t.string('rule', 50).notNullable();
    t.string('entity_ref', 512).notNullable();
    t.string('subject', 320).notNullable();
    t.string('severity', 20).notNullable();
    t.string('stage', 200).nullable();
    t.string('work_item_key', 300).nullable();
    t.text('message').notNullable();
    t.bigInteger('detected_at').notNullable();
    t.bigInteger('resolved_at').nullable();
    t.boolean('notified').notNullable().defaultTo(false);
    t.index(['entity_ref', 'resolved_at'], 'vs_alerts_entity_idx');
  });
  // One open alert per (rule, entity, subject).
  await knex.raw(
    'CREATE UNIQUE INDEX vs_alerts_open_uq ON vs_alerts (rule, entity_ref, subject) WHERE resolved_at IS NULL',
  );

  await knex.schema.createTable('vs_meta', t => {
    t.string('key', 100).primary();
    t.text('value').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'vs_meta',
    'vs_alerts',
    'vs_item_links',
    'vs_artifact_entities',
    'vs_incidents',
    'vs_deployment_commits',
    'vs_deployments',
    'vs_builds',
    'vs_pr_commits',
    'vs_pull_requests',
    'vs_commits',
    'vs_stage_intervals',
    'vs_item_entities',
    'vs_work_items',
    'vs_events',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
};
