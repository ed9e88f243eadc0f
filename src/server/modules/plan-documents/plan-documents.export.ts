import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { FollowUp, PlanGoal } from '../../../shared/contracts/plans.js';
import { defaultLocale, isLocale, type Locale } from '../../../shared/i18n/locales.js';
import type { PlanSnapshot } from '../../../shared/pop/plan-snapshot.js';
import { checkSmart, type SmartCriterionResult } from '../../../shared/pop/smart.js';
import { formatTiming, type Timing } from '../../../shared/pop/timing.js';
import { type PlanParty, supportKinds } from '../../../shared/pop/vocabulary.js';
import {
  a4Document,
  bulletList,
  type DocumentText,
  dataTable,
  type FormField,
  formFields,
  type GridColumn,
  gridTable,
  heading,
  keyValues,
  paragraph,
  signatureBlock,
  subheading,
  title,
  writingLines,
} from '../../documents/index.js';

/**
 * The POP as a document, in the shape of the sample POP form (seed 004): the header data, the development goals
 * with their SMART check, the table Doelstelling | Actie/VTOC-maatregel | Timing | Nodige ondersteuning | Opvolging,
 * the practical agreements, follow-up and evaluation once they exist, and boxes to sign on paper. The data holds
 * only what both parties agreed and recorded together: never a preparation or a talking point.
 */
export interface PopAction {
  typeLabel: string;
  description: string;
  provider: string | null;
  timing: Timing | null;
  hours: number | null;
  cost: number | null;
  currency: string;
  supportTime: string | null;
  supportBudget: string | null;
  supportLogistics: string | null;
  supportCoach: string | null;
  followUp: string | null;
}

export interface PopGoal {
  id: string;
  title: string;
  description: string | null;
  reason: string | null;
  organisationGoal: string | null;
  competencyName: string | null;
  priority: string;
  horizon: string;
  targetDate: string | null;
  measure: string | null;
  smart: SmartCriterionResult[];
  actions: PopAction[];
}

export interface PopFollowUpEntry {
  goalTitle: string;
  state: string;
  progress: string | null;
  acceleration: string | null;
  expectations: string | null;
  notes: string | null;
}

export interface PopFollowUp {
  plannedDate: string;
  heldAt: string | null;
  notes: string | null;
  entries: PopFollowUpEntry[];
}

export interface PopEvaluation {
  party: PlanParty;
  name: string;
  submittedAt: string;
  goalsReached: string | null;
  effectOnFunctioning: string | null;
  effectOnCareer: string | null;
}

export interface PopDocumentData {
  organisationName: string;
  employeeName: string;
  managerName: string;
  teamName: string | null;
  periodStart: string;
  periodEnd: string;
  /** The approved version's number; null for the current state of the plan (a draft). */
  version: number | null;
  employeeApprovedAt: string | null;
  managerApprovedAt: string | null;
  goals: PopGoal[];
  facilities: string | null;
  evaluationDate: string | null;
  followUpDates: string[];
  followUps: PopFollowUp[];
  goalResults: Array<{ title: string; result: string; note: string | null }>;
  evaluations: PopEvaluation[];
}

export interface DocumentMeta {
  generatedAt: Date;
  /** The organisation's time zone: approval moments are shown as they were there. */
  timeZone: string;
}

const k = (key: string) => `documents.pdf.pop.${key}`;

// Pure pieces (unit-tested).

/** A POP reads in its employee's language (a plan has none of its own), else the organisation's. */
export function documentLocale(personLocale: string | null, organisationLocale: string | null): Locale {
  if (isLocale(personLocale)) return personLocale;
  if (isLocale(organisationLocale)) return organisationLocale;
  return defaultLocale;
}

export function timingText(timing: Timing | null, text: DocumentText): string {
  if (!timing) return '';
  return formatTiming(timing, {
    ongoing: text.t('pop.timing.ongoing'),
    quarter: text.t('pop.timing.quarterPrefix'),
  });
}

const supportField = {
  time: 'supportTime',
  budget: 'supportBudget',
  logistics: 'supportLogistics',
  coach: 'supportCoach',
} as const;

/** "Tijd: tijd vrijmaken voor deelname", one line per kind of support the action needs, as the web's POP form. */
export function supportLines(action: PopAction, text: DocumentText): string[] {
  return supportKinds.flatMap((kind) => {
    const value = action[supportField[kind]]?.trim();
    return value
      ? [text.t('plan.table.supportLine', { kind: text.t(`pop.support.${kind}`), text: value })]
      : [];
  });
}

/** Hours and cost of an action, e.g. "12 u · € 450,00"; empty when neither is known. */
export function effortText(action: PopAction, text: DocumentText): string {
  return [
    action.hours !== null ? text.t(k('hours'), { hours: text.number(action.hours) }) : null,
    action.cost !== null ? text.money(action.cost, action.currency) : null,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

/** A SMART criterion as the web's check shows it: holds, a hint to look at, or waiting for confirmation. */
export function smartState(result: SmartCriterionResult): 'holds' | 'hint' | 'confirm' {
  return result.holds ? 'holds' : result.hints.length > 0 ? 'hint' : 'confirm';
}

/**
 * The SMART check in two lines: a column per criterion with its state, then the hints that say why a criterion does
 * not hold yet ("Meetbaar: geef aan hoe ...").
 */
export function smartSummary(
  smart: readonly SmartCriterionResult[],
  text: DocumentText,
): { criteria: string[]; states: string[]; hints: string[] } {
  const name = (result: SmartCriterionResult) => text.t(`pop.smart.criteria.${result.criterion}`);
  return {
    criteria: smart.map(name),
    states: smart.map((result) => text.t(k(`smartStates.${smartState(result)}`))),
    hints: smart.flatMap((result) =>
      result.hints.map((hint) => `${name(result)}: ${text.t(`pop.smart.hints.${hint}`)}`),
    ),
  };
}

/**
 * The rows of the POP form: one per action, the goal spanning its actions; a goal without actions gets one row.
 * Cells covered by a span are `{}`, as pdfmake wants them.
 */
export function actionTableRows(goals: readonly PopGoal[], text: DocumentText): TableCell[][] {
  const none = text.t('documents.pdf.none');
  return goals.flatMap((goal) => {
    const goalCell = (span: number): TableCell => ({
      text: goal.title,
      bold: true,
      ...(span > 1 ? { rowSpan: span } : {}),
    });
    if (goal.actions.length === 0)
      return [[goalCell(1), { text: text.t(k('noActions')), style: 'muted', colSpan: 4 }, {}, {}, {}]];
    return goal.actions.map((action, index): TableCell[] => {
      const effort = effortText(action, text);
      const support = supportLines(action, text);
      return [
        index === 0 ? goalCell(goal.actions.length) : {},
        {
          stack: [
            { text: action.typeLabel, style: 'muted', fontSize: 8 },
            { text: action.description },
            ...(action.provider ? [{ text: text.t(k('provider'), { provider: action.provider }) }] : []),
            ...(effort ? [{ text: effort, style: 'muted' }] : []),
          ],
        },
        { text: timingText(action.timing, text) || none },
        { text: support.length > 0 ? support.join('\n') : none },
        { text: action.followUp?.trim() || none },
      ];
    });
  });
}

/** The table's columns, named as the sample form names them. */
export function popTableColumns(text: DocumentText): GridColumn[] {
  return [
    { header: text.t('plan.table.goal'), width: 95 },
    { header: text.t('plan.table.action'), width: '*' },
    { header: text.t('plan.table.timing'), width: 58 },
    { header: text.t('plan.table.support'), width: 105 },
    { header: text.t('plan.table.followUp'), width: 90 },
  ];
}

// From the plan's data to the document's.

/** The goals of an approved version, with the SMART check as it stood on the day of approval. */
export function goalsFromSnapshot(
  snapshot: PlanSnapshot,
  typeLabel: (type: string) => string,
  approvedOn: string,
): PopGoal[] {
  return [...snapshot.goals]
    .sort((a, b) => a.position - b.position)
    .map((goal) => ({
      id: goal.id,
      title: goal.title,
      description: goal.description,
      reason: goal.reason,
      organisationGoal: goal.organisationGoal,
      competencyName: goal.competencyName,
      priority: goal.priority,
      horizon: goal.horizon,
      targetDate: goal.targetDate,
      measure: goal.measure,
      smart: checkSmart({
        title: goal.title,
        description: goal.description,
        measure: goal.measure,
        targetDate: goal.targetDate,
        actions: goal.actions.map((a) => ({ timing: a.timing })),
        plan: { periodStart: snapshot.periodStart, periodEnd: snapshot.periodEnd },
        confirmations: {
          specific: goal.confirmSpecific,
          measurable: goal.confirmMeasurable,
          realistic: goal.confirmRealistic,
          timeBound: goal.confirmTimeBound,
          acceptableByEmployee: goal.acceptableByEmployee,
          acceptableByManager: goal.acceptableByManager,
        },
        today: approvedOn,
      }),
      actions: [...goal.actions]
        .sort((a, b) => a.position - b.position)
        .map((a) => ({ ...a, typeLabel: typeLabel(a.type) })),
    }));
}

/** The goals as they are now (a draft), with the SMART check the plan page shows. */
export function goalsFromPlan(goals: readonly PlanGoal[], typeLabel: (type: string) => string): PopGoal[] {
  return goals.map((goal) => ({
    id: goal.id,
    title: goal.title,
    description: goal.description,
    reason: goal.reason,
    organisationGoal: goal.organisationGoal,
    competencyName: goal.competencyName,
    priority: goal.priority,
    horizon: goal.horizon,
    targetDate: goal.targetDate,
    measure: goal.measure,
    smart: goal.smart,
    actions: goal.actions.map((a) => ({
      typeLabel: typeLabel(a.type),
      description: a.description,
      provider: a.provider,
      timing: a.timing,
      hours: a.hours,
      cost: a.cost,
      currency: a.currency,
      supportTime: a.supportTime,
      supportBudget: a.supportBudget,
      supportLogistics: a.supportLogistics,
      supportCoach: a.supportCoach,
      followUp: a.followUp,
    })),
  }));
}

export function followUpsFromPlan(
  followUps: readonly FollowUp[],
  goalTitle: (goalId: string) => string,
): PopFollowUp[] {
  return [...followUps]
    .sort((a, b) => a.plannedDate.localeCompare(b.plannedDate))
    .map((f) => ({
      plannedDate: f.plannedDate,
      heldAt: f.heldAt,
      notes: f.notes,
      entries: f.entries.map((e) => ({
        goalTitle: goalTitle(e.goalId),
        state: e.state,
        progress: e.progress,
        acceleration: e.acceleration,
        expectations: e.expectations,
        notes: e.notes,
      })),
    }));
}

// The documents.

function approvalText(at: string | null, text: DocumentText, timeZone: string): string {
  return at ? text.dateTime(at, timeZone) : text.t(k('notApproved'));
}

function goalBlock(goal: PopGoal, number: number, text: DocumentText): Content {
  const facts: Array<[string, string | null]> = [
    [text.t(k('description')), goal.description],
    [text.t(k('reason')), goal.reason],
    [text.t(k('organisationGoal')), goal.organisationGoal],
    [text.t(k('competency')), goal.competencyName],
    [text.t(k('priority')), text.t(`pop.priorities.${goal.priority}`)],
    [text.t(k('horizon')), text.t(`pop.horizons.${goal.horizon}`)],
    [text.t(k('targetDate')), goal.targetDate ? text.date(goal.targetDate) : null],
    [text.t(k('measure')), goal.measure],
  ];
  const smart = smartSummary(goal.smart, text);
  return {
    stack: [
      subheading(text.t(k('goalNumbered'), { number, title: goal.title })),
      keyValues(facts.filter((f): f is [string, string] => Boolean(f[1]?.trim()))),
      { text: text.t(k('smartHeading')), bold: true, margin: [0, 2, 0, 2] },
      dataTable({
        columns: smart.criteria.map((header) => ({ header, width: '*' as const })),
        rows: [smart.states],
        emptyText: '',
      }),
      ...(smart.hints.length > 0 ? [bulletList(smart.hints)] : []),
    ],
    unbreakable: true,
  };
}

function followUpBlock(followUp: PopFollowUp, text: DocumentText, timeZone: string): Content {
  const none = text.t('documents.pdf.none');
  return {
    stack: [
      subheading(text.t(k('followUpHeading'), { date: text.date(followUp.plannedDate) })),
      paragraph(
        followUp.heldAt
          ? text.t(k('followUpHeld'), { date: text.dateTime(followUp.heldAt, timeZone) })
          : text.t(k('followUpPlanned')),
        { muted: true },
      ),
      ...(followUp.notes?.trim() ? [keyValues([[text.t(k('followUpNotes')), followUp.notes]] as const)] : []),
      ...(followUp.entries.length > 0
        ? [
            dataTable({
              columns: [
                { header: text.t(k('followUpGoal')), width: 80 },
                { header: text.t(k('followUpState')), width: 55 },
                { header: text.t(k('followUpProgress')), width: '*' },
                { header: text.t(k('followUpAcceleration')), width: '*' },
                { header: text.t(k('followUpExpectations')), width: '*' },
                { header: text.t(k('followUpNotes')), width: '*' },
              ],
              rows: followUp.entries.map((e) => [
                e.goalTitle,
                text.t(`pop.followUpStates.${e.state}`),
                e.progress || none,
                e.acceleration || none,
                e.expectations || none,
                e.notes || none,
              ]),
              emptyText: '',
            }),
          ]
        : []),
    ],
  };
}

function evaluationBlocks(data: PopDocumentData, text: DocumentText, timeZone: string): Content[] {
  if (data.goalResults.length === 0 && data.evaluations.length === 0) return [];
  const blocks: Content[] = [heading(text.t(k('evaluation')))];
  if (data.goalResults.length > 0)
    blocks.push(
      subheading(text.t(k('goalResults'))),
      dataTable({
        columns: [
          { header: text.t(k('followUpGoal')), width: 150 },
          { header: text.t(k('goalResult')), width: 80 },
          { header: text.t(k('goalResultNote')), width: '*' },
        ],
        rows: data.goalResults.map((r) => [
          r.title,
          text.t(`pop.evaluationResults.${r.result}`),
          r.note || text.t('documents.pdf.none'),
        ]),
        emptyText: '',
      }),
    );
  for (const evaluation of data.evaluations) {
    blocks.push(
      subheading(
        text.t(k('evaluationBy'), {
          name: evaluation.name,
          party: text.t(`pop.parties.${evaluation.party}`).toLowerCase(),
          date: text.dateTime(evaluation.submittedAt, timeZone),
        }),
      ),
    );
    for (const question of ['goalsReached', 'effectOnFunctioning', 'effectOnCareer'] as const) {
      blocks.push(
        { text: text.t(`pop.evaluationQuestions.${question}`), bold: true, margin: [0, 2, 0, 1] },
        paragraph(evaluation[question]?.trim() || text.t('documents.pdf.none')),
      );
    }
  }
  return blocks;
}

/** The header of the document: who, which period, which version and when each party approved it. */
export function headerFacts(
  data: PopDocumentData,
  text: DocumentText,
  timeZone: string,
): Array<readonly [string, string]> {
  const period = `${text.date(data.periodStart)} – ${text.date(data.periodEnd)}`;
  return [
    [text.t(k('organisation')), data.organisationName],
    [text.t(k('employee')), data.employeeName],
    [text.t(k('manager')), data.managerName],
    ...(data.teamName ? [[text.t(k('team')), data.teamName] as const] : []),
    [text.t(k('period')), period],
    [
      text.t(k('version')),
      data.version === null ? text.t(k('draftValue')) : text.t(k('versionValue'), { version: data.version }),
    ],
    [
      text.t(k('approvalOf'), { name: data.employeeName }),
      approvalText(data.employeeApprovedAt, text, timeZone),
    ],
    [
      text.t(k('approvalOf'), { name: data.managerName }),
      approvalText(data.managerApprovedAt, text, timeZone),
    ],
  ];
}

/** The POP of one approved version, or (version null) the current state marked as a draft. */
export function popDocumentPdf(
  data: PopDocumentData,
  text: DocumentText,
  meta: DocumentMeta,
): TDocumentDefinitions {
  const draft = data.version === null;
  const tz = meta.timeZone;
  const none = text.t('documents.pdf.none');
  const rows = actionTableRows(data.goals, text);
  const content: Content[] = [
    ...title(
      text.t(k('title')),
      draft
        ? text.t(k('draftSubtitle'), { name: data.employeeName })
        : text.t(k('versionSubtitle'), { name: data.employeeName, version: data.version ?? 0 }),
    ),
    keyValues(headerFacts(data, text, tz)),
    heading(text.t(k('goals'))),
    ...(data.goals.length > 0
      ? data.goals.map((goal, i) => goalBlock(goal, i + 1, text))
      : [paragraph(text.t(k('noGoals')), { muted: true })]),
    heading(text.t(k('table'))),
    rows.length > 0
      ? gridTable({ columns: popTableColumns(text), rows })
      : paragraph(text.t(k('noGoals')), { muted: true }),
    {
      stack: [
        heading(text.t(k('agreements'))),
        keyValues([
          [text.t(k('period')), `${text.date(data.periodStart)} – ${text.date(data.periodEnd)}`],
          [text.t(k('facilities')), data.facilities?.trim() || none],
          [
            text.t(k('followUpDates')),
            data.followUpDates.length > 0 ? data.followUpDates.map((d) => text.date(d)).join(', ') : none,
          ],
          [text.t(k('evaluationDate')), data.evaluationDate ? text.date(data.evaluationDate) : none],
        ]),
      ],
      unbreakable: true,
    },
    ...(data.followUps.length > 0
      ? [heading(text.t(k('followUps'))), ...data.followUps.map((f) => followUpBlock(f, text, tz))]
      : []),
    ...evaluationBlocks(data, text, tz),
    {
      stack: [
        heading(text.t(k('signatures'))),
        paragraph(text.t(k(draft ? 'signaturesIntroDraft' : 'signaturesIntro')), { muted: true }),
        signatureBlock(
          [
            {
              title: text.t(k('signatureEmployee')),
              name: data.employeeName,
              note:
                !draft && data.employeeApprovedAt
                  ? text.t(k('approvedInApp'), { date: text.dateTime(data.employeeApprovedAt, tz) })
                  : null,
            },
            {
              title: text.t(k('signatureManager')),
              name: data.managerName,
              note:
                !draft && data.managerApprovedAt
                  ? text.t(k('approvedInApp'), { date: text.dateTime(data.managerApprovedAt, tz) })
                  : null,
            },
          ],
          { name: text.t('documents.pdf.name'), date: text.t('documents.pdf.date') },
        ),
      ],
      unbreakable: true,
    },
  ];
  const pageTitle = draft
    ? text.t(k('pageTitleDraft'), { name: data.employeeName })
    : text.t(k('pageTitleVersion'), { name: data.employeeName, version: data.version ?? 0 });
  const definition = a4Document({
    title: pageTitle,
    organisation: data.organisationName,
    language: text.locale,
    subject: text.t(k('title')),
    footerNote: text.t('documents.pdf.generated', { date: text.dateTime(meta.generatedAt, tz) }),
    pageLabel: (page, pages) => text.t('documents.pdf.page', { page, pages }),
    content,
  });
  return draft
    ? {
        ...definition,
        watermark: { text: text.t(k('draftMark')), opacity: 0.07, bold: true, angle: -45 },
      }
    : definition;
}

const f = (key: string) => `documents.pdf.popForm.${key}`;

/** The sample rows of seed 004's form, printed in italics above the empty rows. */
export function exampleRows(text: DocumentText): TableCell[][] {
  return (['example1', 'example2'] as const).map((example) =>
    (['goal', 'action', 'timing', 'support', 'followUp'] as const).map(
      (column, i): TableCell => ({
        text:
          i === 0
            ? text.t(f('examplePrefix'), { text: text.t(f(`${example}.${column}`)) })
            : text.t(f(`${example}.${column}`)),
        italics: true,
        style: 'muted',
      }),
    ),
  );
}

export const emptyFormRows = 7;

/** The POP form of seed 004 to fill in by hand: header fields blank, the two sample rows, then empty rows. */
export function emptyPopFormPdf(
  setup: { organisationName: string } & DocumentMeta,
  text: DocumentText,
): TDocumentDefinitions {
  const blank = (label: string): FormField => ({ label, value: null });
  const content: Content[] = [
    ...title(text.t(f('title')), text.t(f('subtitle'))),
    formFields([
      [blank(text.t(k('employee'))), blank(text.t(k('manager')))],
      [blank(text.t(f('function'))), blank(text.t(f('conversationDate')))],
      [blank(text.t(f('periodFrom'))), blank(text.t(f('periodTo')))],
    ]),
    heading(text.t(f('content'))),
    bulletList(
      (['goals', 'needs', 'organise', 'evaluate'] as const).map((q) =>
        text.t(`pop.guide.prompts.planning.${q}`),
      ),
    ),
    gridTable({
      columns: popTableColumns(text),
      rows: exampleRows(text),
      blankRows: emptyFormRows,
      blankRowHeight: 48,
    }),
    paragraph(text.t(f('exampleNote')), { muted: true }),
    {
      stack: [
        heading(text.t(k('agreements'))),
        { text: text.t(k('facilities')), style: 'keyLabel' },
        writingLines(3),
        formFields([[blank(text.t(k('followUpDates')))], [blank(text.t(k('evaluationDate')))]]),
      ],
      unbreakable: true,
    },
    {
      stack: [
        heading(text.t(k('signatures'))),
        signatureBlock(
          [
            { title: text.t(k('signatureEmployee')), name: null },
            { title: text.t(k('signatureManager')), name: null },
          ],
          { name: text.t('documents.pdf.name'), date: text.t('documents.pdf.date') },
        ),
      ],
      unbreakable: true,
    },
  ];
  return a4Document({
    title: text.t(f('title')),
    organisation: setup.organisationName,
    language: text.locale,
    subject: text.t(f('subtitle')),
    footerNote: text.t('documents.pdf.generated', {
      date: text.dateTime(setup.generatedAt, setup.timeZone),
    }),
    pageLabel: (page, pages) => text.t('documents.pdf.page', { page, pages }),
    content,
  });
}
