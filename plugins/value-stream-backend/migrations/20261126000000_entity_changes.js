// @ts-check
/*
 * Per entity and merged change: its first commit time and the finish of the entity's first
 * successful production deployment that included it (the lead-time-for-changes inputs);
 * and a covering index for the entity's production deployments.
 * The metrics read used to follow every deployed commit sha through four tables, one random
 * page each in a large database; this table answers it with one index range per entity.
 * src/database/entityChanges.ts keeps the rows current; the backfill below is a frozen copy of
 * its query, as migrations must not depend on code that changes after them.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('vs_entity_changes', t => {
    t.string('entity_ref', 512).notNullable();
    t.string('change_id', 320).notNullable(); // a PR id, or the sha of a direct commit
    t.bigInteger('first_commit_at').notNullable();
    t.bigInteger('deployed_at').notNullable();
    t.primary(['entity_ref', 'change_id']);
    t.index(
      ['entity_ref', 'deployed_at', 'change_id', 'first_commit_at'],
      'vs_entity_changes_read_idx',
    );
    t.index(['change_id'], 'vs_entity_changes_change_idx');
  });
  // An entity's deployments are found by id (vs_artifact_entities); with what DORA reads
  // of them in the index, those lookups need no heap page each.
  await knex.schema.alterTable('vs_deployments', t => {
    t.index(
      [
        'deployment_id',
        'env_class',
        'finished_at',
        'status',
        'rolled_back_at',
        'started_at',
        'commit_sha',
        'environment',
      ],
      'vs_deployments_entity_read_idx',
    );
  });
  await knex.raw(`
    insert into vs_entity_changes (entity_ref, change_id, first_commit_at, deployed_at)
    with cc as (
      select pc.pr_id as change_id, pc.sha as sha
        from vs_pr_commits pc join vs_pull_requests p on p.id = pc.pr_id
       where p.merged_at is not null
      union all
      select c.sha, c.sha from vs_commits c
       where c.on_default = ${knex.client.config.client === 'pg' ? 'true' : '1'}
         and not exists (select 1 from vs_pr_commits x where x.sha = c.sha)
    ),
    fc as (
      select cc.change_id, min(c.authored_at) as first_commit_at
        from cc join vs_commits c on c.sha = cc.sha group by cc.change_id
    ),
    fd as (
      select cc.change_id, ae.entity_ref, min(d.finished_at) as deployed_at
        from cc
        join vs_deployment_commits dc on dc.sha = cc.sha
        join vs_deployments d on d.deployment_id = dc.deployment_id
        join vs_artifact_entities ae on ae.ref = d.deployment_id and ae.kind = 'deployment'
       where d.env_class = 'production' and d.finished_at is not null
         and d.status in ('success', 'rolled_back')
       group by cc.change_id, ae.entity_ref
    )
    select fd.entity_ref, fd.change_id, fc.first_commit_at, fd.deployed_at
      from fd join fc on fc.change_id = fd.change_id`);
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('vs_deployments', t => {
    t.dropIndex([], 'vs_deployments_entity_read_idx');
  });
  await knex.schema.dropTableIfExists('vs_entity_changes');
};
