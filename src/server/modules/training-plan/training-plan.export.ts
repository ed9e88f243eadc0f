import type { Content } from 'pdfmake/interfaces.js';
import type {
  TrainingPlan,
  TrainingPlanDraftFigures,
  TrainingPlanFigures,
  TrainingPlanTask,
} from '../../../shared/contracts/training-plan.js';
import {
  a4Document,
  type DocumentText,
  dataTable,
  heading,
  keyValues,
  paragraph,
  type Sheet,
  type SheetColumn,
  type SheetValue,
  section,
  subheading,
  type TableColumn,
  title,
} from '../../documents/index.js';

/**
 * The training plan as a document (PDF) and a workbook (XLSX), from the same answer the page shows: aggregates
 * only, and the trainings the plans name only when that answer carries them (HR may read plan content).
 */
const k = (key: string) => `trainingPlan.${key}`;

interface Figures {
  planned: TrainingPlanFigures;
  preparation: TrainingPlanDraftFigures;
}

function bodyLabel(plan: TrainingPlan, text: DocumentText): string {
  const body = plan.belgium.consultationBody;
  return body ? text.t(k(`belgium.bodies.${body}`)) : text.t(k('belgium.bodyNotChosen'));
}

export function taskTitle(task: TrainingPlanTask, plan: TrainingPlan, text: DocumentText): string {
  const body = plan.belgium.consultationBody;
  const variant =
    body === 'works_council'
      ? 'titleWorksCouncil'
      : body === 'union_delegation'
        ? 'titleUnionDelegation'
        : 'title';
  return text.t(k(`tasks.${task.key}.${variant}`));
}

function taskStatus(task: TrainingPlanTask, text: DocumentText, timeZone: string): string {
  if (!task.applies) return text.t(k('tasks.notApplicable'));
  if (task.done && task.doneAt) {
    const date = text.dateTime(task.doneAt, timeZone).slice(0, 10);
    return task.doneBy
      ? text.t(k('tasks.doneBy'), { date, name: task.doneBy })
      : text.t(k('tasks.done'), { date });
  }
  if (task.overdue) return text.t(k('tasks.overdue'), { date: text.date(task.dueDate) });
  return text.t(k('tasks.open'));
}

function filterText(plan: TrainingPlan, text: DocumentText): string {
  const parts: string[] = [];
  if (plan.filters.teamId)
    parts.push(plan.byTeam.find((r) => r.teamId === plan.filters.teamId)?.name ?? text.t(k('filters.team')));
  if (plan.filters.functionId)
    parts.push(
      plan.byFunction.find((r) => r.functionId === plan.filters.functionId)?.name ??
        text.t(k('filters.function')),
    );
  if (plan.filters.learning) parts.push(text.t(k(`learning.${plan.filters.learning}`)));
  return parts.length > 0 ? parts.join(', ') : text.t(k('pdf.noFilters'));
}

function workersText(plan: TrainingPlan, text: DocumentText): string {
  const source =
    plan.belgium.workerSource === 'average_fte'
      ? text.t(k('belgium.workersFromFte'))
      : text.t(k('belgium.workersFromPeople'), { year: plan.year });
  return `${text.number(plan.belgium.workers)} (${source})`;
}

function obligationText(plan: TrainingPlan, text: DocumentText): string {
  const threshold = plan.belgium.threshold;
  if (!plan.belgium.applies) return text.t(k('pdf.obligedForeign'));
  return plan.belgium.obliged
    ? text.t(k('pdf.obligedYes'), { threshold })
    : text.t(k('pdf.obligedNo'), { threshold });
}

/** The figure columns every dimension table shares, with or without the workforce and "in preparation". */
function figureColumns(text: DocumentText, options: { headcount: boolean }): TableColumn[] {
  const number = (key: string): TableColumn => ({ header: text.t(k(`columns.${key}`)), align: 'right' });
  return [
    ...(options.headcount ? [number('headcount')] : []),
    number('peopleReached'),
    number('actions'),
    number('actionsDone'),
    number('plannedHours'),
    number('actualHours'),
    number('plannedCost'),
    number('actualCost'),
    number('preparation'),
  ];
}

function figureCells(row: Figures & { headcount?: number }, text: DocumentText): string[] {
  return [
    ...(row.headcount !== undefined ? [text.number(row.headcount)] : []),
    text.number(row.planned.peopleReached),
    text.number(row.planned.actions),
    text.number(row.planned.actionsDone),
    text.number(row.planned.plannedHours),
    text.number(row.planned.actualHours),
    text.money(row.planned.plannedCost),
    text.money(row.planned.actualCost),
    text.number(row.preparation.actions),
  ];
}

function dimensionTable(
  text: DocumentText,
  first: TableColumn,
  rows: readonly { label: string; figures: Figures & { headcount?: number } }[],
  options: { headcount: boolean },
): Content {
  return dataTable({
    columns: [first, ...figureColumns(text, options)],
    rows: rows.map((r) => [r.label, ...figureCells(r.figures, text)]),
    emptyText: text.t(k('sections.tableEmpty')),
  });
}

export function trainingPlanPdf(
  plan: TrainingPlan,
  text: DocumentText,
  meta: { generatedAt: Date; timeZone: string },
) {
  const teamLabel = (name: string | null) => name ?? text.t(k('groups.noTeam'));
  const functionLabel = (name: string | null) => name ?? text.t(k('groups.noFunction'));
  const documentTitle = text.t(k('titleYear'), { year: plan.year });
  const totals = plan.totals;
  const content: Content[] = [
    ...title(
      documentTitle,
      text.t(k('pdf.subtitle'), { organisation: plan.organisationName, year: plan.year }),
    ),
    keyValues([
      [text.t(k('pdf.organisation')), plan.organisationName],
      [text.t(k('pdf.year')), String(plan.year)],
      [text.t(k('pdf.filters')), filterText(plan, text)],
      [text.t(k('pdf.workers')), workersText(plan, text)],
      [text.t(k('pdf.obligation')), obligationText(plan, text)],
      [text.t(k('pdf.consultation')), bodyLabel(plan, text)],
    ]),
    heading(text.t(k('pdf.summary'))),
    keyValues([
      [
        text.t(k('pdf.plannedActions')),
        `${text.number(totals.actions)} (${text.t(k('summary.actionsDetail'), { done: text.number(totals.actionsDone) })})`,
      ],
      [
        text.t(k('pdf.hours')),
        text.t(k('pdf.hoursValue'), {
          planned: text.number(totals.plannedHours),
          actual: text.number(totals.actualHours),
        }),
      ],
      [
        text.t(k('pdf.cost')),
        text.t(k('pdf.moneyValue'), {
          planned: text.money(totals.plannedCost),
          actual: text.money(totals.actualCost),
        }),
      ],
      [
        text.t(k('pdf.people')),
        text.t(k('pdf.peopleValue'), {
          reached: text.number(totals.peopleReached),
          followed: text.number(totals.peopleFollowed),
        }),
      ],
      [text.t(k('pdf.headcount')), text.number(plan.headcount)],
      [
        text.t(k('pdf.preparation')),
        text.t(k('pdf.preparationValue'), {
          actions: text.number(plan.preparation.actions),
          hours: text.number(plan.preparation.hours),
          cost: text.money(plan.preparation.cost),
          people: text.number(plan.preparation.people),
        }),
      ],
    ]),
    paragraph(text.t(k('pdf.rule'), { year: plan.year }), { muted: true }),

    section(
      [
        heading(text.t(k('sections.learning'))),
        paragraph(text.t(k('sections.learningIntro')), { muted: true }),
        dimensionTable(
          text,
          { header: text.t(k('columns.learning')), width: '*' },
          plan.byLearning.map((r) => ({ label: text.t(k(`learning.${r.learning}`)), figures: r })),
          { headcount: false },
        ),
      ],
      plan.byLearning.length,
    ),
    section(
      [
        heading(text.t(k('sections.type'))),
        dimensionTable(
          text,
          { header: text.t(k('columns.type')), width: '*' },
          plan.byType.map((r) => ({
            label: `${r.label} (${text.t(k(`learning.${r.isFormal ? 'formal' : 'informal'}`)).toLowerCase()})`,
            figures: r,
          })),
          { headcount: false },
        ),
      ],
      plan.byType.length,
    ),
    section(
      [
        heading(text.t(k('sections.targetGroups'))),
        paragraph(text.t(k('sections.targetGroupsIntro')), { muted: true }),
        subheading(text.t(k('sections.riskGroup'))),
        dimensionTable(
          text,
          { header: text.t(k('columns.group')), width: '*' },
          plan.targetGroups.riskGroup.map((r) => ({
            label: text.t(k(`groups.risk.${r.group}`)),
            figures: r,
          })),
          { headcount: true },
        ),
      ],
      plan.targetGroups.riskGroup.length,
    ),
    section(
      [
        subheading(text.t(k('sections.gender'))),
        dimensionTable(
          text,
          { header: text.t(k('columns.group')), width: '*' },
          plan.targetGroups.gender.map((r) => ({ label: text.t(k(`groups.gender.${r.group}`)), figures: r })),
          { headcount: true },
        ),
      ],
      plan.targetGroups.gender.length,
    ),
    section(
      [
        heading(text.t(k('sections.team'))),
        dimensionTable(
          text,
          { header: text.t(k('columns.team')), width: '*' },
          plan.byTeam.map((r) => ({ label: teamLabel(r.name), figures: r })),
          { headcount: true },
        ),
      ],
      plan.byTeam.length,
    ),
    section(
      [
        heading(text.t(k('sections.function'))),
        dimensionTable(
          text,
          { header: text.t(k('columns.function')), width: '*' },
          plan.byFunction.map((r) => ({ label: functionLabel(r.name), figures: r })),
          { headcount: true },
        ),
      ],
      plan.byFunction.length,
    ),
    section(
      [
        heading(text.t(k('sections.trainings'))),
        ...(plan.trainings === null
          ? [paragraph(text.t(k('sections.trainingsHidden')), { muted: true })]
          : [
              paragraph(text.t(k('sections.trainingsIntro')), { muted: true }),
              dataTable({
                columns: [
                  { header: text.t(k('columns.training')), width: '*' },
                  { header: text.t(k('columns.provider')), width: 110 },
                  { header: text.t(k('columns.type')), width: 120 },
                  { header: text.t(k('columns.participants')), align: 'right' },
                  { header: text.t(k('columns.plannedHours')), align: 'right' },
                  { header: text.t(k('columns.actualHours')), align: 'right' },
                  { header: text.t(k('columns.plannedCost')), align: 'right' },
                ],
                rows: plan.trainings.map((r) => [
                  r.description,
                  r.provider ?? '',
                  `${r.typeLabel} (${text.t(k(`learning.${r.isFormal ? 'formal' : 'informal'}`)).toLowerCase()})`,
                  text.number(r.participants),
                  text.number(r.plannedHours),
                  text.number(r.actualHours),
                  text.money(r.plannedCost),
                ]),
                emptyText: text.t(k('sections.trainingsEmpty')),
              }),
              ...(plan.trainingsTruncated
                ? [
                    paragraph(text.t(k('sections.trainingsTruncated'), { count: plan.trainings.length }), {
                      muted: true,
                    }),
                  ]
                : []),
            ]),
      ],
      plan.trainings?.length ?? 0,
    ),
    section(
      [
        heading(text.t(k('pdf.consultationSection'))),
        paragraph(text.t(k('belgium.intro'), { threshold: plan.belgium.threshold }), { muted: true }),
        ...(plan.belgium.consultationBody === 'none' ? [paragraph(text.t(k('belgium.bodyNone')))] : []),
        dataTable({
          columns: [
            { header: text.t(k('tasks.step')), width: '*' },
            { header: text.t(k('tasks.dueColumn')) },
            { header: text.t(k('tasks.status')), width: 170 },
            { header: text.t(k('tasks.note')), width: 220 },
          ],
          rows: plan.belgium.tasks.map((task) => [
            taskTitle(task, plan, text),
            text.date(task.dueDate),
            taskStatus(task, text, meta.timeZone),
            task.note ?? '',
          ]),
          emptyText: text.t(k('sections.tableEmpty')),
        }),
      ],
      plan.belgium.tasks.length,
    ),
  ];
  return a4Document({
    title: documentTitle,
    organisation: plan.organisationName,
    language: text.locale,
    subject: text.t(k('pdf.subtitle'), { organisation: plan.organisationName, year: plan.year }),
    footerNote: text.t(k('pdf.generated'), { date: text.dateTime(meta.generatedAt, meta.timeZone) }),
    pageLabel: (page, pages) => text.t(k('pdf.page'), { page, pages }),
    // Ten columns of figures read best across the page.
    orientation: 'landscape',
    content,
  });
}

/** The same figures as sheets: numbers as numbers, every text cell neutralised by the workbook layer. */
export function trainingPlanSheets(
  plan: TrainingPlan,
  text: DocumentText,
  meta: { timeZone: string },
): Sheet[] {
  const column = (key: string, kind: SheetColumn['kind'] = 'integer', width = 14): SheetColumn => ({
    header: text.t(k(`columns.${key}`)),
    kind,
    width,
  });
  const figureSheetColumns = (headcount: boolean): SheetColumn[] => [
    ...(headcount ? [column('headcount')] : []),
    column('peopleReached'),
    column('peopleFollowed'),
    column('actions'),
    column('actionsDone'),
    column('plannedHours', 'decimal'),
    column('actualHours', 'decimal'),
    column('plannedCost', 'money'),
    column('actualCost', 'money'),
    { header: text.t(k('sheets.preparationActions')), kind: 'integer', width: 16 },
    { header: text.t(k('sheets.preparationHours')), kind: 'decimal', width: 16 },
    { header: text.t(k('sheets.preparationCost')), kind: 'money', width: 16 },
  ];
  const figureValues = (row: Figures & { headcount?: number }): SheetValue[] => [
    ...(row.headcount !== undefined ? [row.headcount] : []),
    row.planned.peopleReached,
    row.planned.peopleFollowed,
    row.planned.actions,
    row.planned.actionsDone,
    row.planned.plannedHours,
    row.planned.actualHours,
    row.planned.plannedCost,
    row.planned.actualCost,
    row.preparation.actions,
    row.preparation.hours,
    row.preparation.cost,
  ];
  const learning = (isFormal: boolean) => text.t(k(`learning.${isFormal ? 'formal' : 'informal'}`));
  const totals = plan.totals;
  const summaryRows: [string, SheetValue][] = [
    [text.t(k('pdf.organisation')), plan.organisationName],
    [text.t(k('pdf.year')), plan.year],
    [text.t(k('pdf.filters')), filterText(plan, text)],
    [text.t(k('pdf.workers')), plan.belgium.workers],
    [text.t(k('pdf.obligation')), obligationText(plan, text)],
    [text.t(k('pdf.consultation')), bodyLabel(plan, text)],
    [text.t(k('pdf.headcount')), plan.headcount],
    [text.t(k('columns.peopleReached')), totals.peopleReached],
    [text.t(k('columns.peopleFollowed')), totals.peopleFollowed],
    [text.t(k('columns.actions')), totals.actions],
    [text.t(k('columns.actionsDone')), totals.actionsDone],
    [text.t(k('columns.plannedHours')), totals.plannedHours],
    [text.t(k('columns.actualHours')), totals.actualHours],
    [text.t(k('columns.plannedCost')), totals.plannedCost],
    [text.t(k('columns.actualCost')), totals.actualCost],
    [text.t(k('sheets.preparationActions')), plan.preparation.actions],
    [text.t(k('sheets.preparationHours')), plan.preparation.hours],
    [text.t(k('sheets.preparationCost')), plan.preparation.cost],
    [text.t(k('sheets.preparationPeople')), plan.preparation.people],
  ];
  const sheets: Sheet[] = [
    {
      name: text.t(k('sheets.summary')),
      columns: [
        { header: text.t(k('sheets.item')), width: 42 },
        { header: text.t(k('sheets.value')), width: 48 },
      ],
      rows: summaryRows,
    },
    {
      name: text.t(k('sheets.types')),
      columns: [
        { header: text.t(k('columns.type')), width: 36 },
        { header: text.t(k('columns.learning')), width: 14 },
        ...figureSheetColumns(false),
      ],
      rows: [
        ...plan.byLearning.map((r) => [
          text.t(k('columns.total')),
          learning(r.learning === 'formal'),
          ...figureValues(r),
        ]),
        ...plan.byType.map((r) => [r.label, learning(r.isFormal), ...figureValues(r)]),
      ],
    },
    {
      name: text.t(k('sheets.teams')),
      columns: [{ header: text.t(k('columns.team')), width: 32 }, ...figureSheetColumns(true)],
      rows: plan.byTeam.map((r) => [r.name ?? text.t(k('groups.noTeam')), ...figureValues(r)]),
    },
    {
      name: text.t(k('sheets.functions')),
      columns: [{ header: text.t(k('columns.function')), width: 32 }, ...figureSheetColumns(true)],
      rows: plan.byFunction.map((r) => [r.name ?? text.t(k('groups.noFunction')), ...figureValues(r)]),
    },
    {
      name: text.t(k('sheets.targetGroups')),
      columns: [
        { header: text.t(k('sheets.kind')), width: 16 },
        { header: text.t(k('columns.group')), width: 32 },
        ...figureSheetColumns(true),
      ],
      rows: [
        ...plan.targetGroups.riskGroup.map((r) => [
          text.t(k('sections.riskGroup')),
          text.t(k(`groups.risk.${r.group}`)),
          ...figureValues(r),
        ]),
        ...plan.targetGroups.gender.map((r) => [
          text.t(k('sections.gender')),
          text.t(k(`groups.gender.${r.group}`)),
          ...figureValues(r),
        ]),
      ],
    },
  ];
  if (plan.trainings !== null) {
    sheets.push({
      name: text.t(k('sheets.trainings')),
      columns: [
        { header: text.t(k('columns.training')), width: 48 },
        { header: text.t(k('columns.provider')), width: 24 },
        { header: text.t(k('columns.type')), width: 24 },
        { header: text.t(k('columns.learning')), width: 14 },
        column('participants'),
        column('actions'),
        column('actionsDone'),
        column('plannedHours', 'decimal'),
        column('actualHours', 'decimal'),
        column('plannedCost', 'money'),
        column('actualCost', 'money'),
      ],
      rows: plan.trainings.map((r) => [
        r.description,
        r.provider,
        r.typeLabel,
        learning(r.isFormal),
        r.participants,
        r.actions,
        r.actionsDone,
        r.plannedHours,
        r.actualHours,
        r.plannedCost,
        r.actualCost,
      ]),
    });
  }
  sheets.push({
    name: text.t(k('sheets.timeline')),
    columns: [
      { header: text.t(k('tasks.step')), width: 44 },
      { header: text.t(k('tasks.dueColumn')), width: 14, kind: 'date' },
      { header: text.t(k('sheets.applies')), width: 14 },
      { header: text.t(k('tasks.status')), width: 40 },
      { header: text.t(k('sheets.doneAt')), width: 18 },
      { header: text.t(k('sheets.doneBy')), width: 24 },
      { header: text.t(k('tasks.note')), width: 48 },
    ],
    rows: plan.belgium.tasks.map((task) => [
      taskTitle(task, plan, text),
      new Date(`${task.dueDate}T00:00:00Z`),
      task.applies ? text.t(k('sheets.yes')) : text.t(k('sheets.no')),
      taskStatus(task, text, meta.timeZone),
      task.doneAt ? text.dateTime(task.doneAt, meta.timeZone) : null,
      task.doneBy,
      task.note,
    ]),
  });
  return sheets;
}
