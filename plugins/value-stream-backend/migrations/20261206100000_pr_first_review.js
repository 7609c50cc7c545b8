// @ts-check
/*
 * The change breakdown (DESIGN §13): a PR's first review. `pull_request.reviewed` events were
 * stored without a subject (ignored); they now fold into their PR's history, so give the
 * stored ones the subject `pr:<repository>#<number>` and each PR the earliest review time.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('vs_pull_requests', t => {
    t.bigInteger('first_reviewed_at').nullable();
  });
  const events = await knex('vs_events')
    .where('type', 'pull_request.reviewed')
    .select('seq', 'repository', 'occurred_at', 'payload');
  /** @type {Map<string, number>} */
  const first = new Map();
  for (const e of events) {
    let number;
    try {
      number = Number(JSON.parse(e.payload).data.number);
    } catch {
      continue;
    }
    if (!Number.isInteger(number)) continue;
    const id = `${e.repository ?? ''}#${number}`;
    await knex('vs_events')
      .where('seq', e.seq)
      .update({ subject: `pr:${id}` });
    const at = Number(e.occurred_at);
    first.set(id, Math.min(first.get(id) ?? Infinity, at));
  }
  for (const [id, at] of first)
    await knex('vs_pull_requests')
      .where('id', id)
      .update({ first_reviewed_at: at });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex('vs_events')
    .where('type', 'pull_request.reviewed')
    .update({ subject: null });
  await knex.schema.alterTable('vs_pull_requests', t => {
    t.dropColumn('first_reviewed_at');
  });
};
