import { Writable } from 'node:stream';
import { CompiledQuery, sql } from 'kysely';
import { expect, it } from 'vitest';
import { createLogger } from '../../src/server/bootstrap.js';
import * as planReads from '../../src/server/db/migrations/0013-plan-reads.js';
import { purgeAuditEventsBefore } from '../../src/server/modules/audit/index.js';
import { runPrivacyPurge } from '../../src/server/modules/privacy/index.js';
import type { AuditEvent } from '../../src/shared/contracts/audit.js';
import { type Client, describeEachDatabase, type Harness, TEST_PASSWORD } from '../support/harness.js';
import { queriesOf } from '../support/queries.js';

/** Fires an event with the plan's current version, as the web app does after loading the plan. */
async function fire(client: Client, planId: string, event: string, extra: object = {}) {
  const plan = (await client.get(`/api/plans/${planId}`)).json();
  const response = await client.post(`/api/plans/${planId}/events`, {
    event,
    version: plan.version,
    ...extra,
  });
  expect(response.statusCode, `${event}: ${response.body}`).toBe(200);
  return response.json();
}

/** An organisation with a manager and their employee, and a plan in its conversation (goals may change). */
async function planInConversation(h: Harness) {
  const org = await h.createOrganisation();
  const manager = await h.createPerson(org.id, {
    roles: ['employee', 'manager'],
    firstName: 'Katrien',
    lastName: 'Van den Broeck',
  });
  const employee = await h.createPerson(org.id, {
    firstName: 'Zoë',
    lastName: 'Peeters',
    managerId: manager.id,
  });
  const m = await h.login(manager);
  const e = await h.login(employee);
  const started = await m.post('/api/plans', { employeeId: employee.id });
  expect(started.statusCode, started.body).toBe(201);
  const planId: string = started.json().id;
  await fire(e, planId, 'start_conversation');
  return { org, manager, employee, m, e, planId };
}

const rowsOf = (h: Harness, organisationId: string) =>
  h.ctx.database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('id')
    .execute();

const changesOf = (row: { changes: string | null }) =>
  row.changes ? (JSON.parse(row.changes) as Record<string, { before?: unknown; after?: unknown }>) : null;

describeEachDatabase('the audit log', (h) => {
  it('records a goal’s changes with before and after; an unchanged autosave leaves no row', async () => {
    h.clock.set('2026-03-02T08:00:00.000Z');
    const { org, manager, employee, m, e, planId } = await planInConversation(h);
    const created = await m.post(`/api/plans/${planId}/goals`, {
      title: 'Omgaan met agressie',
      priority: 'high',
    });
    expect(created.statusCode, created.body).toBe(201);
    const goal = created.json();
    const updated = await e.patch(`/api/goals/${goal.id}`, {
      title: 'Rustig blijven bij agressie',
      targetDate: '2026-09-30',
      version: goal.version,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const again = await e.patch(`/api/goals/${goal.id}`, {
      title: 'Rustig blijven bij agressie',
      version: updated.json().version,
    });
    expect(again.statusCode, again.body).toBe(200);

    const rows = (await rowsOf(h, org.id)).filter((r) => r.object_type === 'goal');
    expect(rows.map((r) => [r.action, r.actor_id, r.actor_role])).toEqual([
      ['goal.created', manager.id, 'manager'],
      ['goal.updated', employee.id, 'employee'],
    ]);
    const [createdRow, updatedRow] = rows;
    expect(createdRow).toMatchObject({ object_id: goal.id, plan_id: planId, subject_person_id: employee.id });
    expect(changesOf(createdRow!)).toMatchObject({
      title: { after: 'Omgaan met agressie' },
      priority: { after: 'high' },
    });
    // Only the fields that changed, each with what it was and what it became.
    expect(changesOf(updatedRow!)).toEqual({
      title: { before: 'Omgaan met agressie', after: 'Rustig blijven bij agressie' },
      targetDate: { before: null, after: '2026-09-30' },
    });
    expect(updatedRow!.request_id).toEqual(expect.any(String));
    expect(updatedRow!.request_id).not.toBe(createdRow!.request_id);
    expect(updatedRow!.occurred_at).toBe('2026-03-02T08:00:00.000Z');

    // The employee reads it on the plan, with the content; the beheerder only the names of content fields.
    const own = await e.get(`/api/plans/${planId}/audit`);
    expect(own.statusCode, own.body).toBe(200);
    const event = (own.json().items as AuditEvent[]).find((i) => i.action === 'goal.updated');
    expect(event).toMatchObject({
      actor: { id: employee.id, name: 'Zoë Peeters' },
      actorRole: 'employee',
      objectLabel: 'Rustig blijven bij agressie',
      subject: { id: employee.id, name: 'Zoë Peeters' },
    });
    expect(event?.changes).toEqual([
      { field: 'title', before: 'Omgaan met agressie', after: 'Rustig blijven bij agressie', hidden: false },
      { field: 'targetDate', before: null, after: '2026-09-30', hidden: false },
    ]);
    const admin = await h.login(org.admin);
    const searched = await admin.get(`/api/audit?action=goal.updated&subjectPersonId=${employee.id}`);
    expect(searched.statusCode, searched.body).toBe(200);
    expect(searched.json().items).toHaveLength(1);
    expect(searched.json().items[0]).toMatchObject({ objectLabel: null });
    expect(searched.json().items[0].changes).toEqual([
      { field: 'title', hidden: true },
      { field: 'targetDate', before: null, after: '2026-09-30', hidden: false },
    ]);
    expect(searched.body).not.toContain('agressie');
  });

  it('records approvals, withdrawals and “gezien, niet akkoord” with the party that acted', async () => {
    h.clock.set('2026-03-03T08:00:00.000Z');
    const { org, manager, employee, m, e, planId } = await planInConversation(h);
    await m.post(`/api/plans/${planId}/goals`, { title: 'Coachen van nieuwe collega’s' });
    await fire(m, planId, 'approve');
    await fire(m, planId, 'withdraw_approval');
    await fire(m, planId, 'approve');
    await fire(e, planId, 'record_disagreement', { comment: 'Ik wil eerst een opleiding.' });
    await fire(e, planId, 'approve');
    await fire(m, planId, 'approve');

    const rows = (await rowsOf(h, org.id)).filter(
      (r) => r.object_type === 'plan' && r.action !== 'plan.read',
    );
    expect(rows.map((r) => [r.action, r.actor_id, r.actor_role])).toEqual([
      ['plan.created', manager.id, 'manager'],
      ['plan.conversation_started', employee.id, 'employee'],
      ['plan.approved', manager.id, 'manager'],
      ['plan.approval_withdrawn', manager.id, 'manager'],
      ['plan.approved', manager.id, 'manager'],
      ['plan.disagreement_recorded', employee.id, 'employee'],
      ['plan.approved', employee.id, 'employee'],
      ['plan.approved', manager.id, 'manager'],
    ]);
    expect(changesOf(rows[5]!)).toMatchObject({
      disagreement: { before: false, after: true },
      disagreementComment: { before: null, after: 'Ik wil eerst een opleiding.' },
      managerApprovedAt: { after: null },
    });
    expect(changesOf(rows[7]!)).toMatchObject({
      phase: { before: 'conversation', after: 'approved' },
      approvedVersion: { before: 0, after: 1 },
    });

    // The evaluation: that it was submitted, not what it says.
    await fire(m, planId, 'start_evaluation');
    const saved = await e.put(`/api/plans/${planId}/evaluations/mine`, {
      goalsReached: 'EVALUATIE-tekst-5d2',
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await e.post(`/api/plans/${planId}/evaluations/mine/submit`, {
      version: saved.json().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const after = await rowsOf(h, org.id);
    const evaluation = after.filter((r) => r.action === 'evaluation.submitted');
    expect(evaluation).toHaveLength(1);
    expect(evaluation[0]).toMatchObject({ actor_id: employee.id, actor_role: 'employee', plan_id: planId });
    expect(changesOf(evaluation[0]!)).toEqual({
      party: { after: 'employee' },
      submittedAt: { after: '2026-03-03T08:00:00.000Z' },
    });
    expect(JSON.stringify(after)).not.toContain('EVALUATIE-tekst');
  });

  it('records role and settings changes, never the password hash', async () => {
    h.clock.set('2026-03-04T08:00:00.000Z');
    const org = await h.createOrganisation();
    const person = await h.createPerson(org.id, { firstName: 'Jan', lastName: 'Claes' });
    const admin = await h.login(org.admin);
    const current = (await admin.get(`/api/people/${person.id}`)).json();
    const changed = await admin.patch(`/api/people/${person.id}`, {
      roles: ['employee', 'manager'],
      status: 'disabled',
      version: current.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const settings = (await admin.get('/api/organisation')).json();
    const saved = await admin.patch('/api/organisation', {
      hrSeesPlanContent: true,
      exchangeDays: 10,
      version: settings.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const rightSettings = (await admin.get('/api/training-right/settings')).json();
    expect(
      (await admin.put('/api/training-right/settings', { carryOver: true, version: rightSettings.version }))
        .statusCode,
    ).toBe(200);

    const budget = await admin.post('/api/budgets', { year: 2026, amount: 12_000, isHard: true });
    expect(budget.statusCode, budget.body).toBe(201);
    const budgetChanged = await admin.patch(`/api/budgets/${budget.json().id}`, {
      amount: 15_000,
      version: budget.json().version,
    });
    expect(budgetChanged.statusCode, budgetChanged.body).toBe(200);

    const rows = await rowsOf(h, org.id);
    const byAction = (action: string) => rows.filter((r) => r.action === action);
    expect(changesOf(byAction('budget.created')[0]!)).toMatchObject({
      year: { after: 2026 },
      amount: { after: 12_000 },
      isHard: { after: true },
    });
    expect(changesOf(byAction('budget.updated')[0]!)).toEqual({ amount: { before: 12_000, after: 15_000 } });
    expect(byAction('person.role_changed')).toHaveLength(1);
    expect(byAction('person.role_changed')[0]).toMatchObject({
      actor_id: org.admin.id,
      actor_role: 'admin',
      object_type: 'person',
      object_id: person.id,
      subject_person_id: person.id,
    });
    expect(changesOf(byAction('person.role_changed')[0]!)).toEqual({
      roles: { before: ['employee'], after: ['employee', 'manager'] },
    });
    expect(changesOf(byAction('person.status_changed')[0]!)).toEqual({
      status: { before: 'active', after: 'disabled' },
    });
    expect(byAction('person.updated')).toHaveLength(0);
    const settingsRows = byAction('organisation.settings_changed');
    expect(settingsRows.map(changesOf)).toEqual([
      { hrSeesPlanContent: { before: false, after: true }, exchangeDays: { before: 7, after: 10 } },
      { carryOver: { before: false, after: true } },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/argon2|\$argon|password/i);
  });

  it('records a manager reading the plan once an hour; the employee’s own reads are not recorded', async () => {
    h.clock.set('2026-03-05T08:00:00.000Z');
    const { org, manager, employee, e, planId } = await planInConversation(h);
    const reads = async () =>
      (await rowsOf(h, org.id))
        .filter((r) => r.action === 'plan.read')
        .map((r) => [r.actor_id, r.occurred_at]);
    const before = await reads();
    for (let i = 0; i < 3; i++) expect((await e.get(`/api/plans/${planId}`)).statusCode).toBe(200);
    expect(await reads()).toEqual(before);

    h.clock.set('2026-03-05T09:00:00.000Z');
    const fresh = await h.login(manager);
    expect((await fresh.get(`/api/plans/${planId}`)).statusCode).toBe(200);
    // Sessions end after 30 idle minutes: the manager keeps reading within that.
    for (const moment of ['09:25:00', '09:50:00', '09:59:59']) {
      h.clock.set(`2026-03-05T${moment}.000Z`);
      expect((await fresh.get(`/api/plans/${planId}`)).statusCode).toBe(200);
    }
    expect((await reads()).filter(([, at]) => at! >= '2026-03-05T09:00:00.000Z')).toEqual([
      [manager.id, '2026-03-05T09:00:00.000Z'],
    ]);
    h.clock.set('2026-03-05T10:00:00.000Z');
    expect((await fresh.get(`/api/plans/${planId}`)).statusCode).toBe(200);
    expect((await reads()).filter(([, at]) => at! >= '2026-03-05T09:00:00.000Z')).toEqual([
      [manager.id, '2026-03-05T09:00:00.000Z'],
      [manager.id, '2026-03-05T10:00:00.000Z'],
    ]);
    // HR without access to plan content reads phase and dates only: no read of content is recorded.
    const hr = await h.login(org.admin);
    expect((await hr.get(`/api/plans/${planId}`)).json().content).toBeNull();
    expect((await reads()).some(([actor]) => actor === org.admin.id)).toBe(false);
    // Where the organisation lets HR read plan content, HR's reads are recorded as HR's.
    const settings = (await hr.get('/api/organisation')).json();
    await hr.patch('/api/organisation', { hrSeesPlanContent: true, version: settings.version });
    expect((await hr.get(`/api/plans/${planId}`)).json().content).not.toBeNull();
    const hrReads = (await rowsOf(h, org.id)).filter(
      (r) => r.action === 'plan.read' && r.actor_id === org.admin.id,
    );
    expect(hrReads.map((r) => r.actor_role)).toEqual(['hr']);

    // The employee sees who read their plan; the manager sees the changes, not the readers.
    const own = await h.login(employee);
    const trail = (await own.get(`/api/plans/${planId}/audit`)).json();
    expect(trail.includesReads).toBe(true);
    // 08:00 (the manager started the plan and got it back), 09:00 and 10:00; then HR.
    const readers = trail.items.filter((i: AuditEvent) => i.action === 'plan.read');
    expect(readers.map((i: AuditEvent) => i.actorRole)).toEqual(['hr', 'manager', 'manager', 'manager']);
    expect(readers[1]).toMatchObject({
      actor: { id: manager.id, name: 'Katrien Van den Broeck' },
      occurredAt: '2026-03-05T10:00:00.000Z',
    });
    const managed = (await fresh.get(`/api/plans/${planId}/audit`)).json();
    expect(managed.includesReads).toBe(false);
    expect(managed.items.some((i: AuditEvent) => i.action === 'plan.read')).toBe(false);
    expect(managed.items.map((i: AuditEvent) => i.action)).toContain('plan.conversation_started');
  });

  it('keeps the plan page one look-up of plan_reads away from its read record, and the audit log without it', async () => {
    h.clock.set('2026-03-05T14:00:00.000Z');
    const { m, planId } = await planInConversation(h);
    const seen = await queriesOf(h.ctx.database.db, async () => {
      expect((await m.get(`/api/plans/${planId}`)).statusCode).toBe(200);
    });
    // Read within the hour: one look-up, no insert, and nothing asked of the audit log.
    expect(seen.filter((q) => q.sql.includes('audit_events'))).toEqual([]);
    const reads = seen.filter((q) => q.sql.includes('plan_reads'));
    expect(reads.map((q) => q.sql.split(' ')[0]?.toLowerCase())).toEqual(['select']);
    const lookUp = reads[0]!;
    if (h.dialect === 'sqlite') {
      const plan = await h.ctx.database.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`EXPLAIN QUERY PLAN ${lookUp.sql}`, [...lookUp.parameters]),
      );
      expect(plan.rows.map((r) => r.detail).join(' | ')).toMatch(/USING INDEX sqlite_autoindex_plan_reads_1/);
    } else {
      await h.ctx.database.db.transaction().execute(async (trx) => {
        await trx.executeQuery(CompiledQuery.raw('SET LOCAL enable_seqscan = off'));
        const plan = await trx.executeQuery<{ 'QUERY PLAN': unknown }>(
          CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${lookUp.sql}`, [...lookUp.parameters]),
        );
        const text = JSON.stringify(plan.rows[0]?.['QUERY PLAN']);
        expect(text).not.toContain('Seq Scan');
        expect(text).toContain('plan_reads_pk');
      });
    }
    // Every write adds an audit row: the log carries no index for the reads (migration 0013).
    const indexQuery =
      h.dialect === 'sqlite'
        ? sql<{
            name: string;
          }>`select name from sqlite_master where type = 'index' and tbl_name = 'audit_events'`
        : sql<{ name: string }>`select indexname as name from pg_indexes
            where tablename = 'audit_events' and schemaname = current_schema()`;
    const indexes = await indexQuery.execute(h.ctx.database.db);
    expect(indexes.rows.map((r) => r.name)).not.toContain('audit_events_reads');
  });

  it('notes recorded reads in plan_reads, carries the last hour over when it migrates, and forgets them after the hour', async () => {
    h.clock.set('2026-03-05T08:00:00.000Z');
    const { org, manager, employee, planId } = await planInConversation(h);
    const db = h.ctx.database.db;
    const notes = async () =>
      (await db.selectFrom('plan_reads').selectAll().where('plan_id', '=', planId).execute()).map((r) => [
        r.reader_id,
        r.read_at,
      ]);
    const m = await h.login(manager);
    expect((await m.get(`/api/plans/${planId}`)).statusCode).toBe(200);
    expect(await notes()).toEqual([[manager.id, '2026-03-05T08:00:00.000Z']]);

    // The daily purge forgets the notes older than the hour; the audit log keeps the reads.
    await runPrivacyPurge(h.ctx, new Date('2026-03-05T08:59:00.000Z'));
    expect(await notes()).toHaveLength(1);
    await runPrivacyPurge(h.ctx, new Date('2026-03-06T09:00:00.000Z'));
    expect(await notes()).toEqual([]);
    expect((await rowsOf(h, org.id)).filter((r) => r.action === 'plan.read')).toHaveLength(1);

    // Upgrading from the index on the audit log: the last read of the hour before, per reader, is carried over.
    const now = Date.now();
    const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
    await planReads.down(db);
    const read = (actorId: string, at: string) => ({
      organisation_id: org.id,
      occurred_at: at,
      actor_id: actorId,
      actor_role: 'manager',
      action: 'plan.read',
      object_type: 'plan',
      object_id: planId,
      subject_person_id: employee.id,
      plan_id: planId,
    });
    const other = await h.createPerson(org.id, { roles: ['employee', 'hr'] });
    await db
      .insertInto('audit_events')
      .values([read(manager.id, ago(50)), read(manager.id, ago(20)), read(other.id, ago(90))])
      .execute();
    await planReads.up(db);
    expect(await notes()).toEqual([[manager.id, ago(20)]]);
  });

  it('shows a plan’s log only to its employee and manager', async () => {
    h.clock.set('2026-03-06T08:00:00.000Z');
    const { org, planId } = await planInConversation(h);
    const stranger = await h.login(await h.createPerson(org.id));
    expect((await stranger.get(`/api/plans/${planId}/audit`)).statusCode).toBe(404);
    const admin = await h.login(org.admin);
    expect((await admin.get(`/api/plans/${planId}/audit`)).statusCode).toBe(403);
    const other = await h.createOrganisation();
    const foreign = await h.login(other.admin);
    expect((await foreign.get(`/api/plans/${planId}/audit`)).statusCode).toBe(404);
    expect((await foreign.get(`/api/audit?subjectPersonId=${planId}`)).json().items).toEqual([]);
    expect((await stranger.get('/api/audit')).statusCode).toBe(403);
    expect((await h.anonymous().get('/api/audit')).statusCode).toBe(401);
  });

  it('lets the beheerder search by actor, subject, action, object type and dates, page by page', async () => {
    h.clock.set('2026-03-09T08:00:00.000Z');
    const { org, manager, employee, planId } = await planInConversation(h);
    h.clock.set('2026-03-10T22:30:00.000Z'); // 23:30 in Brussels: still 10 March
    const relogged = await h.login(manager);
    for (const title of ['Een', 'Twee', 'Drie'])
      expect((await relogged.post(`/api/plans/${planId}/goals`, { title })).statusCode).toBe(201);
    h.clock.set('2026-03-11T08:00:00.000Z');
    const admin = await h.login(org.admin);
    const search = async (query: string) => {
      const response = await admin.get(`/api/audit?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { items: AuditEvent[]; nextCursor: number | null };
    };

    const goals = await search('objectType=goal');
    expect(goals.items.map((i) => i.action)).toEqual(['goal.created', 'goal.created', 'goal.created']);
    expect((await search(`actorId=${employee.id}`)).items.map((i) => i.action)).toEqual([
      'plan.conversation_started',
    ]);
    expect((await search(`actorId=${manager.id}&action=plan.created`)).items).toHaveLength(1);
    expect((await search(`subjectPersonId=${employee.id}`)).items.length).toBeGreaterThanOrEqual(5);
    expect((await search('from=2026-03-10&to=2026-03-10')).items.map((i) => i.action)).toEqual([
      'goal.created',
      'goal.created',
      'goal.created',
    ]);
    expect((await search('from=2026-03-11&objectType=goal')).items).toEqual([]);
    expect((await search('to=2026-03-09&objectType=goal')).items).toEqual([]);

    // Keyset pages: newest first, no row twice, none left out.
    const first = await search('objectType=goal&limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe(first.items[1]!.id);
    const second = await search(`objectType=goal&limit=2&before=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(goals.items.map((i) => i.id));
    expect(first.items[0]!.id).toBeGreaterThan(first.items[1]!.id);

    const wrongRange = await admin.get('/api/audit?from=2026-03-10&to=2026-03-01');
    expect(wrongRange.statusCode).toBe(422);
    expect(wrongRange.json().error.fields[0].path).toBe('to');
    expect((await admin.get('/api/audit?action=plan.deleted_everything')).statusCode).toBe(422);
  });

  it('refuses UPDATE and DELETE of audit rows in the database itself; only the retention purge deletes', async () => {
    h.clock.set('2026-03-12T08:00:00.000Z');
    const { org } = await planInConversation(h);
    const db = h.ctx.database.db;
    const before = await rowsOf(h, org.id);
    expect(before.length).toBeGreaterThan(0);
    const id = before[0]!.id;
    await expect(
      db.updateTable('audit_events').set({ action: 'plan.closed' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_events').where('id', '=', id).execute()).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(db)).rejects.toThrow(/append-only/);
    if (h.dialect === 'postgresql')
      await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(/append-only/);
    expect(await rowsOf(h, org.id)).toEqual(before);

    // The purge removes old rows of one organisation only, and leaves the guard on afterwards.
    const other = await planInConversation(h);
    h.clock.set('2026-03-13T08:00:00.000Z');
    const admin = await h.login(org.admin);
    const settings = (await admin.get('/api/organisation')).json();
    await admin.patch('/api/organisation', { exchangeDays: 9, version: settings.version });
    const purged = await purgeAuditEventsBefore(db, h.dialect, org.id, '2026-03-13T00:00:00.000Z');
    expect(purged).toBe(before.length);
    expect((await rowsOf(h, org.id)).map((r) => r.action)).toEqual(['organisation.settings_changed']);
    expect((await rowsOf(h, other.org.id)).length).toBeGreaterThan(0);
    await expect(
      db.deleteFrom('audit_events').where('organisation_id', '=', org.id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('records that a preparation was shared, never what it or a talking point says', async () => {
    h.clock.set('2026-03-16T08:00:00.000Z');
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const employee = await h.createPerson(org.id, { managerId: manager.id });
    const m = await h.login(manager);
    const e = await h.login(employee);
    const planId = (await m.post('/api/plans', { employeeId: employee.id })).json().id;
    const prep = (await e.get(`/api/plans/${planId}/preparations/mine`)).json();
    await e.put(`/api/plans/${planId}/preparations/mine`, {
      answers: { [prep.questions[0].id]: 'PRIVE-antwoord-3b1' },
      version: prep.version,
    });
    await e.post(`/api/plans/${planId}/talking-points`, { text: 'PRIVE-punt-77a' });
    expect((await e.post(`/api/plans/${planId}/preparations/mine/share`, { version: 2 })).statusCode).toBe(
      200,
    );
    const rows = await rowsOf(h, org.id);
    const shared = rows.filter((r) => r.action === 'preparation.shared');
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ actor_id: employee.id, actor_role: 'employee', plan_id: planId });
    expect(Object.keys(changesOf(shared[0]!) ?? {})).toEqual(['party', 'sharedAt']);
    expect(JSON.stringify(rows)).not.toMatch(/PRIVE-/);
  });
});

/**
 * The canary: known passwords, tokens and private text go through sign-in, invitation, password reset and the plan;
 * neither the server log (captured at the most verbose level, through the app's own logger) nor the audit table may
 * hold any of them afterwards. Once with an SMTP server, once without (emails then wait in the outbox).
 */
function logCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ logLevel: 'trace' }, stream) };
}

/** The token of the link in the emails to an address, read from the outbox as the beheerder's page shows it. */
async function linkToken(h: Harness, address: string, pattern: RegExp): Promise<string> {
  const rows = await h.ctx.database.db
    .selectFrom('emails')
    .select('text_body')
    .where('to_address', '=', address)
    .execute();
  const token = rows.map((r) => pattern.exec(r.text_body)?.[1]).find(Boolean);
  expect(token, `no link ${pattern} to ${address}`).toEqual(expect.any(String));
  return token as string;
}

async function runCanary(h: Harness, lines: string[], withSmtp: boolean) {
  lines.length = 0;
  h.smtp.clear();
  h.clock.set('2026-04-01T08:00:00.000Z');
  const secrets = {
    invitedPassword: 'Kanarie-Wachtwoord-Een-41',
    wrongPassword: 'Kanarie-Fout-Wachtwoord-17',
    resetPassword: 'Kanarie-Nieuw-Wachtwoord-29',
    changedPassword: 'Kanarie-Gewijzigd-Wachtwoord-53',
    answer: 'KANARIE-antwoord-2e9d-ik-twijfel',
    point: 'KANARIE-gesprekspunt-8c41-overstap',
  };
  const tokens: string[] = [];
  const sessionOf = (client: Client) => {
    tokens.push(client.cookie!.split('=')[1]!, client.csrfToken!);
  };
  const org = await h.createOrganisation();
  const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
  const admin = await h.login(org.admin);
  sessionOf(admin);
  const address = `kanarie-${org.id.slice(0, 8)}@example.org`;

  // Invited, chooses a password through the link.
  const invited = await admin.post('/api/people', {
    firstName: 'Kanarie',
    lastName: 'Vogel',
    email: address,
    managerId: manager.id,
    invite: true,
  });
  expect(invited.statusCode, invited.body).toBe(201);
  const personId: string = invited.json().id;
  const invitationToken = await linkToken(h, address, /welcome\/([A-Za-z0-9_-]+)/);
  tokens.push(invitationToken);
  expect((await h.anonymous().get(`/api/auth/tokens/${invitationToken}`)).statusCode).toBe(200);
  const welcomed = h.anonymous();
  const chosen = await welcomed.post('/api/auth/tokens', {
    token: invitationToken,
    password: secrets.invitedPassword,
  });
  expect(chosen.statusCode, chosen.body).toBe(200);
  sessionOf(welcomed);

  // Signs in (once wrongly), forgets the password, resets it, changes it.
  const wrong = await h
    .anonymous()
    .post('/api/auth/login', { email: address, password: secrets.wrongPassword });
  expect(wrong.statusCode).toBe(401);
  sessionOf(await h.login({ email: address, password: secrets.invitedPassword }));
  expect((await h.anonymous().post('/api/auth/password-reset', { email: address })).statusCode).toBe(202);
  const resetToken = await linkToken(h, address, /reset-password\/([A-Za-z0-9_-]+)/);
  tokens.push(resetToken);
  expect((await h.anonymous().get(`/api/auth/tokens/${resetToken}`)).statusCode).toBe(200);
  const employee = h.anonymous();
  const reset = await employee.post('/api/auth/tokens', {
    token: resetToken,
    password: secrets.resetPassword,
  });
  expect(reset.statusCode, reset.body).toBe(200);
  sessionOf(employee);
  const changed = await employee.post('/api/auth/password', {
    currentPassword: secrets.resetPassword,
    newPassword: secrets.changedPassword,
  });
  expect(changed.statusCode, changed.body).toBe(200);
  sessionOf(employee);
  if (withSmtp) await h.smtp.waitFor(2);

  // A plan: a private answer and an unshared talking point; the manager reads the plan; the admin changes roles.
  const m = await h.login(manager);
  const planId: string = (await m.post('/api/plans', { employeeId: personId })).json().id;
  const prep = (await employee.get(`/api/plans/${planId}/preparations/mine`)).json();
  const answered = await employee.put(`/api/plans/${planId}/preparations/mine`, {
    answers: { [prep.questions[0].id]: secrets.answer },
    version: prep.version,
  });
  expect(answered.statusCode, answered.body).toBe(200);
  const pointAdded = await employee.post(`/api/plans/${planId}/talking-points`, { text: secrets.point });
  expect(pointAdded.statusCode).toBe(201);
  expect((await m.get(`/api/plans/${planId}`)).statusCode).toBe(200);
  const person = (await admin.get(`/api/people/${personId}`)).json();
  const roles = await admin.patch(`/api/people/${personId}`, {
    roles: ['employee', 'manager'],
    version: person.version,
  });
  expect(roles.statusCode).toBe(200);
  // A calendar feed link carries its token in the URL.
  const feed = (await employee.post('/api/calendar/feed', {})).json();
  const feedToken = /calendar\/([A-Za-z0-9_-]+)\.ics/.exec(String(feed.url))?.[1];
  expect(feedToken).toEqual(expect.any(String));
  tokens.push(feedToken!);
  expect((await h.anonymous().get(`/calendar/${feedToken}.ics`)).statusCode).toBe(200);

  const hashes = await h.ctx.database.db
    .selectFrom('people')
    .select('password_hash')
    .where('organisation_id', '=', org.id)
    .execute();
  const audit = JSON.stringify(
    await h.ctx.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('organisation_id', '=', org.id)
      .execute(),
  );
  const log = lines.join('');

  // The capture works: the log has the requests (and, without SMTP, the emails), the audit table the acts.
  expect(log).toContain('/api/auth/login');
  // One line per answered request: its id, method, URL, status and time.
  const completed = lines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.includes('"request completed"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(completed.length).toBeGreaterThan(5);
  expect(completed[0]).toMatchObject({
    level: 30,
    reqId: expect.any(String),
    req: { method: expect.any(String), url: expect.any(String) },
    res: { statusCode: expect.any(Number) },
    responseTime: expect.any(Number),
  });
  expect(log).toContain('/api/auth/tokens/[redacted]');
  expect(log).toContain('/calendar/[redacted].ics');
  if (!withSmtp) expect(log).toContain('email not sent');
  expect(audit).toContain('person.role_changed');
  expect(audit).toContain('plan.read');
  const forbidden = [
    ...Object.values(secrets),
    TEST_PASSWORD,
    ...tokens,
    ...hashes.flatMap((row) => (row.password_hash ? [row.password_hash] : [])),
  ];
  expect(forbidden.length).toBeGreaterThan(16);
  for (const secret of forbidden) {
    expect(log.includes(secret), `server log holds ${secret.slice(0, 12)}…`).toBe(false);
    expect(audit.includes(secret), `audit log holds ${secret.slice(0, 12)}…`).toBe(false);
  }
}

const withSmtp = logCapture();
describeEachDatabase(
  'the canary, with an SMTP server',
  (h) => {
    it('keeps passwords, session tokens, links and private preparation text out of both logs', async () => {
      await runCanary(h, withSmtp.lines, true);
    });
  },
  { logger: withSmtp.logger },
);

const withoutSmtp = logCapture();
describeEachDatabase(
  'the canary, without SMTP (emails wait in the outbox)',
  (h) => {
    it('keeps passwords, session tokens, links and private preparation text out of both logs', async () => {
      await runCanary(h, withoutSmtp.lines, false);
    });
  },
  { logger: withoutSmtp.logger, env: { SMTP_URL: '' } },
);
