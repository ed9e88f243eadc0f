import { randomUUID } from 'node:crypto';
import type { Actor } from '../../shared/policies.js';
import type { Role } from '../../shared/roles.js';
import type { AppContext } from '../context.js';
import { scheduleOrganisation, updatePreferences, updateSettings } from '../modules/notifications/index.js';

const day = 86_400_000;

/**
 * Reminders and notifications of vzw De Brug: the organisation makes the invitation and the day-before reminder
 * of the POP-gesprek mandatory; Katrien bundles new cycles, overdue actions and evaluations in her Monday digest.
 * The notifications of what happened in the demo plans over the last weeks (a new cycle, an approval the other
 * party waited for) are written from the plans' own history, the older ones read; then the plans are planned once,
 * so everyone finds this week's reminders in the app (the job runner sends the emails, to the outbox in a demo).
 */
export async function seedDemoNotifications(
  ctx: AppContext,
  ids: { organisationId: string; personIds: Map<string, string> },
): Promise<void> {
  const actor = (email: string, roles: Role[]): Actor => {
    const personId = ids.personIds.get(`${email}@debrug.example`);
    if (!personId) throw new Error(`demo notifications refer to unknown "${email}"`);
    return { personId, organisationId: ids.organisationId, roles };
  };
  await updateSettings(ctx, actor('annelies.goossens', ['employee', 'admin']), {
    mandatoryKinds: ['conversation_invitation', 'conversation_tomorrow'],
    version: 1,
  });
  await updatePreferences(ctx, actor('katrien.vandenbroeck', ['employee', 'manager']), {
    items: [
      { kind: 'cycle_started', mode: 'digest' },
      { kind: 'action_overdue', mode: 'digest' },
      { kind: 'evaluation_due', mode: 'digest' },
    ],
  });

  const db = ctx.database.db;
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - 60 * day).toISOString();
  const people = new Map(
    (
      await db
        .selectFrom('people')
        .select(['id', 'first_name', 'last_name'])
        .where('organisation_id', '=', ids.organisationId)
        .execute()
    ).map((p) => [p.id, `${p.first_name} ${p.last_name}`]),
  );
  const plans = await db
    .selectFrom('plans')
    .select(['id', 'employee_id', 'manager_id', 'requested_by', 'created_at', 'period_start', 'period_end'])
    .where('organisation_id', '=', ids.organisationId)
    .execute();
  const versions = await db
    .selectFrom('plan_versions')
    .select(['plan_id', 'employee_approved_at', 'manager_approved_at'])
    .where('organisation_id', '=', ids.organisationId)
    .where('manager_approved_at', '>=', since)
    .execute();
  const rows: Array<{
    kind: string;
    planId: string;
    recipient: string;
    other: string;
    at: string;
    key: string;
    params: object;
    link: string;
  }> = [];
  for (const plan of plans) {
    if (plan.created_at < since) continue;
    const told =
      plan.requested_by === 'manager'
        ? [plan.employee_id]
        : plan.requested_by === 'employee'
          ? [plan.manager_id]
          : [plan.employee_id, plan.manager_id];
    for (const recipient of told) {
      const other = recipient === plan.employee_id ? plan.manager_id : plan.employee_id;
      rows.push({
        kind: 'cycle_started',
        planId: plan.id,
        recipient,
        other,
        at: plan.created_at,
        key: `cycle_started:${plan.id}:${recipient}`,
        params: { periodStart: plan.period_start, periodEnd: plan.period_end },
        link: `/plans/${plan.id}?tab=preparation`,
      });
    }
  }
  for (const version of versions) {
    const plan = plans.find((p) => p.id === version.plan_id);
    if (!plan) continue;
    const employeeFirst = version.employee_approved_at <= version.manager_approved_at;
    const recipient = employeeFirst ? plan.manager_id : plan.employee_id;
    const at = employeeFirst ? version.employee_approved_at : version.manager_approved_at;
    rows.push({
      kind: 'approval_waiting',
      planId: plan.id,
      recipient,
      other: employeeFirst ? plan.employee_id : plan.manager_id,
      at,
      key: `approval_waiting:${plan.id}:${at}:${recipient}`,
      params: { approvedAt: at },
      link: `/plans/${plan.id}`,
    });
  }
  const readBefore = new Date(now.getTime() - 3 * day).toISOString();
  for (const row of rows) {
    await db
      .insertInto('notifications')
      .values({
        id: randomUUID(),
        organisation_id: ids.organisationId,
        recipient_id: row.recipient,
        dedupe_key: row.key,
        kind: row.kind,
        plan_id: row.planId,
        params: JSON.stringify({
          other: people.get(row.other) ?? '',
          role:
            row.recipient === plans.find((p) => p.id === row.planId)?.employee_id ? 'employee' : 'manager',
          ...row.params,
        }),
        link: row.link,
        created_at: row.at,
        read_at: row.at < readBefore ? new Date(new Date(row.at).getTime() + day).toISOString() : null,
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'dedupe_key']).doNothing())
      .execute();
  }
  await scheduleOrganisation(ctx, ids.organisationId, now);
}
