import type { PlanExportKind, PlanExportQuery } from '../../../shared/contracts/exports.js';
import { AppError } from '../../../shared/errors.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { translate } from '../../../shared/i18n/translate.js';
import {
  type Actor,
  canViewTeamOverview,
  hasRole,
  isHr,
  teamOverviewScopeOf,
} from '../../../shared/policies.js';
import { isBuiltInActionType } from '../../../shared/pop/action-types.js';
import { actionYear } from '../../../shared/pop/action-year.js';
import { dateIn, exchangeDeadline } from '../../../shared/pop/dates.js';
import { formatTiming, type Timing } from '../../../shared/pop/timing.js';
import { fullName, searchKey } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import type { ExportColumn, ExportTable } from '../../exports/stream-table.js';
import * as repo from './plan-exports.repository.js';

/** Employees per page: their rows (a few plans, goals and actions each) are what one page holds in memory. */
const employeesPerPage = 200;

type Column<Row> = ExportColumn<Row> & {
  /** Plan content: left out entirely for a caller who may not read it. */
  content?: boolean;
};

function parseTiming(text: string | null): Timing | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as Timing;
  } catch {
    return null;
  }
}

const num = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value);

/**
 * Who exports what: HR any plan of the organisation (content columns only when the organisation allows), a manager
 * the plans they are the leidinggevende of (always with content: they are a party), nobody else. A team filter
 * must be a team the caller may see in the team view.
 */
async function exportScope(ctx: AppContext, actor: Actor, query: PlanExportQuery) {
  const scope = teamOverviewScopeOf(actor);
  if (scope === 'none') throw new AppError('FORBIDDEN');
  const db = ctx.database.db;
  const settings = await repo.findSettings(db, actor.organisationId);
  if (!settings) throw new AppError('NOT_FOUND');
  if (query.teamId) {
    const team = await repo.findTeam(db, actor.organisationId, query.teamId);
    if (
      !team ||
      !canViewTeamOverview(actor, {
        id: team.id,
        organisationId: team.organisation_id,
        managerId: team.manager_id,
      })
    )
      throw new AppError('NOT_FOUND');
  }
  const asManager = !isHr(actor) || query.as === 'manager';
  if (asManager && !hasRole(actor, 'manager')) throw new AppError('FORBIDDEN');
  const filter: repo.ExportFilter = {
    ...(query.phase ? { phase: query.phase } : {}),
    ...(query.teamId ? { teamId: query.teamId } : {}),
    ...(query.year ? { year: query.year } : {}),
    words: query.q ? searchKey(query.q).split(' ').filter(Boolean) : [],
    ...(asManager ? { managerId: actor.personId } : {}),
  };
  return { settings, filter, content: asManager || Boolean(settings.hr_sees_plan_content) };
}

/** Rows page by page: a page of employees, then their rows. */
async function* pagedRows<Row>(
  ctx: AppContext,
  organisationId: string,
  filter: repo.ExportFilter,
  rowsOf: (employeeIds: string[]) => Promise<Row[]>,
): AsyncGenerator<Row> {
  let after: repo.EmployeeCursor | null = null;
  for (;;) {
    const employees = await repo.employeePage(
      ctx.database.db,
      organisationId,
      filter,
      after,
      employeesPerPage,
    );
    if (employees.length === 0) return;
    yield* await rowsOf(employees.map((e) => e.id));
    if (employees.length < employeesPerPage) return;
    after = employees[employees.length - 1] ?? null;
  }
}

interface Common {
  employee_first_name: string;
  employee_last_name: string;
  manager_first_name: string;
  manager_last_name: string;
  team_name: string | null;
  function_name: string | null;
  period_start: string;
  period_end: string;
  phase: string;
  cancelled: boolean | number;
}

function commonColumns<Row extends Common>(h: (key: string) => string, locale: Locale): Column<Row>[] {
  return [
    {
      key: 'employee',
      header: h('employee'),
      kind: 'text',
      width: 24,
      value: (r) => fullName({ firstName: r.employee_first_name, lastName: r.employee_last_name }),
    },
    { key: 'team', header: h('team'), kind: 'text', width: 22, value: (r) => r.team_name },
    { key: 'function', header: h('function'), kind: 'text', width: 22, value: (r) => r.function_name },
    {
      key: 'manager',
      header: h('manager'),
      kind: 'text',
      width: 24,
      value: (r) => fullName({ firstName: r.manager_first_name, lastName: r.manager_last_name }),
    },
    { key: 'periodStart', header: h('periodStart'), kind: 'date', value: (r) => r.period_start },
    { key: 'periodEnd', header: h('periodEnd'), kind: 'date', value: (r) => r.period_end },
    {
      key: 'phase',
      header: h('phase'),
      kind: 'text',
      width: 22,
      value: (r) =>
        r.cancelled
          ? translate(locale, 'exports.values.cancelled')
          : translate(locale, `pop.phases.${r.phase}`),
    },
  ];
}

function planColumns(h: (key: string) => string, locale: Locale, timeZone: string, exchangeDays: number) {
  const columns: Column<repo.PlanExportRow>[] = [
    ...commonColumns<repo.PlanExportRow>(h, locale),
    { key: 'conversation', header: h('conversation'), kind: 'datetime', value: (r) => r.conversation_at },
    {
      key: 'exchangeDeadline',
      header: h('exchangeDeadline'),
      kind: 'date',
      value: (r) => exchangeDeadline(r.conversation_at, timeZone, exchangeDays),
    },
    {
      key: 'employeeShared',
      header: h('employeeShared'),
      kind: 'boolean',
      value: (r) => r.employee_shared_at !== null,
    },
    {
      key: 'managerShared',
      header: h('managerShared'),
      kind: 'boolean',
      value: (r) => r.manager_shared_at !== null,
    },
    { key: 'disputed', header: h('disputed'), kind: 'boolean', value: (r) => Boolean(r.disagreement) },
    {
      key: 'revisionOpen',
      header: h('revisionOpen'),
      kind: 'boolean',
      value: (r) => Boolean(r.revision_open),
    },
    {
      key: 'approvedVersion',
      header: h('approvedVersion'),
      kind: 'number',
      value: (r) => num(r.approved_version),
    },
    { key: 'goals', header: h('goals'), kind: 'number', value: (r) => num(r.goal_count) ?? 0 },
    { key: 'actions', header: h('actions'), kind: 'number', value: (r) => num(r.action_count) ?? 0 },
    { key: 'actionsDone', header: h('actionsDone'), kind: 'number', value: (r) => num(r.actions_done) ?? 0 },
    { key: 'followUps', header: h('followUps'), kind: 'number', value: (r) => num(r.follow_up_count) ?? 0 },
    {
      key: 'followUpsHeld',
      header: h('followUpsHeld'),
      kind: 'number',
      value: (r) => num(r.follow_ups_held) ?? 0,
    },
    { key: 'evaluationDate', header: h('evaluationDate'), kind: 'date', value: (r) => r.evaluation_date },
    { key: 'closedAt', header: h('closedAt'), kind: 'datetime', value: (r) => r.closed_at },
    {
      key: 'facilities',
      header: h('facilities'),
      kind: 'text',
      width: 40,
      content: true,
      value: (r) => r.facilities,
    },
  ];
  return columns;
}

function goalColumns(h: (key: string) => string, locale: Locale) {
  const label = (group: string, key: string | null) =>
    key ? translate(locale, `pop.${group}.${key}`) : null;
  const columns: Column<repo.GoalExportRow>[] = [
    ...commonColumns<repo.GoalExportRow>(h, locale),
    { key: 'position', header: h('position'), kind: 'number', value: (r) => Number(r.position) + 1 },
    { key: 'title', header: h('goal'), kind: 'text', width: 40, content: true, value: (r) => r.title },
    {
      key: 'description',
      header: h('description'),
      kind: 'text',
      width: 40,
      content: true,
      value: (r) => r.description,
    },
    { key: 'reason', header: h('reason'), kind: 'text', width: 30, content: true, value: (r) => r.reason },
    {
      key: 'organisationGoal',
      header: h('organisationGoal'),
      kind: 'text',
      width: 30,
      content: true,
      value: (r) => r.organisation_goal,
    },
    {
      key: 'competency',
      header: h('competency'),
      kind: 'text',
      width: 22,
      content: true,
      value: (r) => r.competency_name,
    },
    { key: 'priority', header: h('priority'), kind: 'text', value: (r) => label('priorities', r.priority) },
    {
      key: 'horizon',
      header: h('horizon'),
      kind: 'text',
      width: 20,
      value: (r) => label('horizons', r.horizon),
    },
    { key: 'targetDate', header: h('targetDate'), kind: 'date', value: (r) => r.target_date },
    { key: 'measure', header: h('measure'), kind: 'text', width: 40, content: true, value: (r) => r.measure },
    { key: 'actions', header: h('actions'), kind: 'number', value: (r) => num(r.action_count) ?? 0 },
    {
      key: 'evaluationResult',
      header: h('evaluationResult'),
      kind: 'text',
      content: true,
      value: (r) => label('evaluationResults', r.evaluation_result),
    },
    {
      key: 'evaluationNote',
      header: h('evaluationNote'),
      kind: 'text',
      width: 40,
      content: true,
      value: (r) => r.evaluation_note,
    },
  ];
  return columns;
}

function actionColumns(h: (key: string) => string, locale: Locale) {
  const typeLabel = (r: repo.ActionExportRow) =>
    isBuiltInActionType(r.type)
      ? translate(locale, `pop.actionTypes.${r.type}`)
      : ((locale === 'en' && r.type_name_en ? r.type_name_en : r.type_name_nl) ?? r.type);
  const words = {
    ongoing: translate(locale, 'pop.timing.ongoing'),
    quarter: translate(locale, 'pop.timing.quarterPrefix'),
  };
  const columns: Column<repo.ActionExportRow>[] = [
    ...commonColumns<repo.ActionExportRow>(h, locale),
    { key: 'goal', header: h('goal'), kind: 'text', width: 40, content: true, value: (r) => r.goal_title },
    {
      key: 'competency',
      header: h('competency'),
      kind: 'text',
      width: 22,
      content: true,
      value: (r) => r.competency_name,
    },
    { key: 'type', header: h('actionType'), kind: 'text', width: 22, value: typeLabel },
    { key: 'formal', header: h('formal'), kind: 'boolean', value: (r) => Boolean(r.is_formal) },
    {
      key: 'description',
      header: h('action'),
      kind: 'text',
      width: 40,
      content: true,
      value: (r) => r.description,
    },
    {
      key: 'provider',
      header: h('provider'),
      kind: 'text',
      width: 24,
      content: true,
      value: (r) => r.provider,
    },
    {
      key: 'timing',
      header: h('timing'),
      kind: 'text',
      width: 24,
      value: (r) => {
        const timing = parseTiming(r.timing);
        return timing ? formatTiming(timing, words) : null;
      },
    },
    {
      key: 'year',
      header: h('year'),
      kind: 'number',
      value: (r) =>
        actionYear({
          timing: parseTiming(r.timing),
          actualStart: r.actual_start,
          actualEnd: r.actual_end,
          planPeriodStart: r.period_start,
        }),
    },
    { key: 'hours', header: h('hours'), kind: 'number', value: (r) => num(r.hours) },
    { key: 'cost', header: h('cost'), kind: 'number', value: (r) => num(r.cost) },
    { key: 'currency', header: h('currency'), kind: 'text', value: (r) => r.currency },
    {
      key: 'status',
      header: h('status'),
      kind: 'text',
      value: (r) => translate(locale, `pop.actionStatuses.${r.status}`),
    },
    { key: 'actualHours', header: h('actualHours'), kind: 'number', value: (r) => num(r.actual_hours) },
    { key: 'actualCost', header: h('actualCost'), kind: 'number', value: (r) => num(r.actual_cost) },
    { key: 'actualStart', header: h('actualStart'), kind: 'date', value: (r) => r.actual_start },
    { key: 'actualEnd', header: h('actualEnd'), kind: 'date', value: (r) => r.actual_end },
    {
      key: 'trainingRight',
      header: h('trainingRight'),
      kind: 'boolean',
      value: (r) => Boolean(r.counts_for_training_right),
    },
    {
      key: 'fundingSource',
      header: h('fundingSource'),
      kind: 'text',
      width: 24,
      value: (r) => r.funding_source_name,
    },
    { key: 'funding', header: h('funding'), kind: 'text', width: 30, content: true, value: (r) => r.funding },
    {
      key: 'supportTime',
      header: h('supportTime'),
      kind: 'text',
      width: 30,
      content: true,
      value: (r) => r.support_time,
    },
    {
      key: 'supportBudget',
      header: h('supportBudget'),
      kind: 'text',
      width: 30,
      content: true,
      value: (r) => r.support_budget,
    },
    {
      key: 'supportLogistics',
      header: h('supportLogistics'),
      kind: 'text',
      width: 30,
      content: true,
      value: (r) => r.support_logistics,
    },
    {
      key: 'supportCoach',
      header: h('supportCoach'),
      kind: 'text',
      width: 30,
      content: true,
      value: (r) => r.support_coach,
    },
    {
      key: 'followUp',
      header: h('followUp'),
      kind: 'text',
      width: 30,
      content: true,
      value: (r) => r.follow_up,
    },
    {
      key: 'certificateNote',
      header: h('certificateNote'),
      kind: 'text',
      width: 30,
      content: true,
      value: (r) => r.certificate_note,
    },
  ];
  return columns;
}

const visible = <Row>(columns: Column<Row>[], content: boolean): ExportColumn<Row>[] =>
  columns.filter((c) => content || !c.content).map(({ content: _content, ...column }) => column);

/**
 * One export, ready to stream: columns in the caller's language, the rows as a paged iterator, the number of rows
 * for the progress bar. Everything that can refuse (scope, team, role) happens here, before the first byte.
 */
export async function planExport(
  ctx: AppContext,
  actor: Actor,
  kind: PlanExportKind,
  query: PlanExportQuery,
  locale: Locale,
  // biome-ignore lint/suspicious/noExplicitAny: the row type differs per kind; the columns and rows match per kind
): Promise<ExportTable<any>> {
  const { settings, filter, content } = await exportScope(ctx, actor, query);
  const db = ctx.database.db;
  const organisationId = actor.organisationId;
  const h = (key: string) => translate(locale, `exports.columns.${key}`);
  const totalRows = await repo.countRows(db, organisationId, filter, kind);
  const today = dateIn(settings.time_zone, ctx.clock.now());
  const base = {
    fileName: `${translate(locale, `exports.fileNames.${kind}`)}-${today}`,
    sheetName: translate(locale, `exports.sheetNames.${kind}`),
    totalRows,
    timeZone: settings.time_zone,
    words: { yes: translate(locale, 'exports.values.yes'), no: translate(locale, 'exports.values.no') },
  };
  switch (kind) {
    case 'plans':
      return {
        ...base,
        columns: visible(planColumns(h, locale, settings.time_zone, Number(settings.exchange_days)), content),
        rows: pagedRows(ctx, organisationId, filter, (ids) => repo.planRows(db, organisationId, filter, ids)),
      };
    case 'goals':
      return {
        ...base,
        columns: visible(goalColumns(h, locale), content),
        rows: pagedRows(ctx, organisationId, filter, (ids) => repo.goalRows(db, organisationId, filter, ids)),
      };
    case 'actions':
      return {
        ...base,
        columns: visible(actionColumns(h, locale), content),
        rows: pagedRows(ctx, organisationId, filter, (ids) =>
          repo.actionRows(db, organisationId, filter, ids),
        ),
      };
  }
}
