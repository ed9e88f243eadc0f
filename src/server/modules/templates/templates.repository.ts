import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  Database,
  PreparationTemplateRow,
  TemplateAssignmentRow,
  TemplateQuestionRow,
} from '../../db/schema.js';
import { competencyHelp, defaultTemplates } from './default-templates.js';

type Db = Kysely<Database>;

/**
 * Adds the shipped templates an organisation does not have yet, once: a template keeps its `builtin_key` when HR
 * rewords or archives it, so it is never added again. Safe when two requests race (the key is unique).
 */
export async function ensureDefaultTemplates(
  db: Db,
  organisationId: string,
  language: 'nl' | 'en',
  now: string,
): Promise<void> {
  const existing = await db
    .selectFrom('preparation_templates')
    .select(['builtin_key', 'party', 'is_default'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const keys = new Set(existing.map((t) => t.builtin_key));
  const withDefault = new Set(existing.filter((t) => Boolean(t.is_default)).map((t) => t.party));
  for (const template of defaultTemplates) {
    if (keys.has(template.builtinKey)) continue;
    const id = randomUUID();
    const result = await db
      .insertInto('preparation_templates')
      .values({
        id,
        organisation_id: organisationId,
        party: template.party,
        kind: template.kind,
        name: template.name[language],
        description: template.description[language],
        is_default: template.isDefault && !withDefault.has(template.party) ? 1 : 0,
        builtin_key: template.builtinKey,
        archived_at: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'builtin_key']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) continue;
    await db
      .insertInto('template_questions')
      .values(
        template.questions.map((q, position) => ({
          id: randomUUID(),
          organisation_id: organisationId,
          template_id: id,
          position,
          prompt: q.prompt[language],
          help: q.help?.[language] ?? null,
        })),
      )
      .execute();
  }
}

/** Default forms are written in the organisation's language. */
export async function organisationLanguage(db: Db, organisationId: string): Promise<'nl' | 'en'> {
  const org = await db
    .selectFrom('organisations')
    .select('locale')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return org?.locale === 'en' ? 'en' : 'nl';
}

export async function listTemplates(db: Db, organisationId: string): Promise<PreparationTemplateRow[]> {
  return db
    .selectFrom('preparation_templates')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('party')
    .orderBy('is_default', 'desc')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function findTemplate(
  db: Db,
  organisationId: string,
  id: string,
): Promise<PreparationTemplateRow | undefined> {
  return db
    .selectFrom('preparation_templates')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function questionsOf(
  db: Db,
  organisationId: string,
  templateIds?: readonly string[],
): Promise<TemplateQuestionRow[]> {
  if (templateIds && templateIds.length === 0) return [];
  let query = db.selectFrom('template_questions').selectAll().where('organisation_id', '=', organisationId);
  if (templateIds) query = query.where('template_id', 'in', [...templateIds]);
  return query.orderBy('template_id').orderBy('position').execute();
}

export async function insertTemplate(
  db: Db,
  template: {
    id: string;
    organisationId: string;
    party: string;
    kind: string;
    name: string;
    description: string | null;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('preparation_templates')
    .values({
      id: template.id,
      organisation_id: template.organisationId,
      party: template.party,
      kind: template.kind,
      name: template.name,
      description: template.description,
      is_default: 0,
      builtin_key: null,
      archived_at: null,
      created_at: template.now,
      updated_at: template.now,
    })
    .execute();
}

/**
 * Sets the ordered question list of a template: a question keeps its id (and so its identity) when it is reworded
 * or moved; questions left out are removed. Plans keep their own copy, so nothing of a running plan changes.
 */
export async function replaceQuestions(
  db: Db,
  organisationId: string,
  templateId: string,
  questions: ReadonlyArray<{ id?: string | undefined; prompt: string; help: string | null }>,
): Promise<void> {
  const kept = questions.flatMap((q) => (q.id ? [q.id] : []));
  let removal = db
    .deleteFrom('template_questions')
    .where('organisation_id', '=', organisationId)
    .where('template_id', '=', templateId);
  if (kept.length > 0) removal = removal.where('id', 'not in', kept);
  await removal.execute();
  for (const [position, question] of questions.entries()) {
    if (question.id) {
      await db
        .updateTable('template_questions')
        .set({ position, prompt: question.prompt, help: question.help })
        .where('organisation_id', '=', organisationId)
        .where('template_id', '=', templateId)
        .where('id', '=', question.id)
        .execute();
    } else {
      await db
        .insertInto('template_questions')
        .values({
          id: randomUUID(),
          organisation_id: organisationId,
          template_id: templateId,
          position,
          prompt: question.prompt,
          help: question.help,
        })
        .execute();
    }
  }
}

export async function questionIdsOf(
  db: Db,
  organisationId: string,
  templateId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('template_questions')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('template_id', '=', templateId)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Only one default per party: making one the default takes it from the others. */
export async function clearDefault(db: Db, organisationId: string, party: string): Promise<void> {
  await db
    .updateTable('preparation_templates')
    .set({ is_default: 0 })
    .where('organisation_id', '=', organisationId)
    .where('party', '=', party)
    .execute();
}

export async function listAssignments(db: Db, organisationId: string): Promise<TemplateAssignmentRow[]> {
  return db
    .selectFrom('template_assignments')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('party')
    .orderBy('id')
    .execute();
}

export async function replaceAssignments(
  db: Db,
  organisationId: string,
  assignments: ReadonlyArray<{
    templateId: string;
    party: string;
    teamId: string | null;
    functionId: string | null;
  }>,
): Promise<void> {
  await db.deleteFrom('template_assignments').where('organisation_id', '=', organisationId).execute();
  if (assignments.length === 0) return;
  await db
    .insertInto('template_assignments')
    .values(
      assignments.map((a) => ({
        id: randomUUID(),
        organisation_id: organisationId,
        template_id: a.templateId,
        party: a.party,
        team_id: a.teamId,
        function_id: a.functionId,
      })),
    )
    .execute();
}

export async function existingIds(
  db: Db,
  table: 'teams' | 'job_functions',
  organisationId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export interface PreparationForm {
  templateId: string | null;
  templateName: string;
  questions: Array<{ id: string; prompt: string; help: string | null; competencyId: string | null }>;
}

/**
 * The form a party fills in for a person: the template assigned to the person's function, else to their team, else
 * the party's default. A competencies form gets, after its own questions, one per competency of the function.
 */
export async function preparationFormFor(
  db: Db,
  organisationId: string,
  party: 'employee' | 'manager',
  person: { teamId: string | null; functionId: string | null },
  language: 'nl' | 'en',
): Promise<PreparationForm> {
  const candidates = await db
    .selectFrom('preparation_templates as t')
    .leftJoin('template_assignments as a', (join) =>
      join.onRef('a.template_id', '=', 't.id').on('a.party', '=', party),
    )
    .select(['t.id', 't.name', 't.kind', 't.is_default', 'a.team_id', 'a.function_id'])
    .where('t.organisation_id', '=', organisationId)
    .where('t.party', '=', party)
    .where('t.archived_at', 'is', null)
    .execute();
  const chosen =
    (person.functionId && candidates.find((c) => c.function_id === person.functionId)) ||
    (person.teamId && candidates.find((c) => c.team_id === person.teamId)) ||
    candidates.find((c) => Boolean(c.is_default));
  if (!chosen) return { templateId: null, templateName: '', questions: [] };
  const questions = (await questionsOf(db, organisationId, [chosen.id])).map((q) => ({
    id: q.id,
    prompt: q.prompt,
    help: q.help,
    competencyId: null as string | null,
  }));
  if (chosen.kind === 'competencies' && person.functionId) {
    const competencies = await db
      .selectFrom('function_competencies as fc')
      .innerJoin('competencies as c', 'c.id', 'fc.competency_id')
      .select(['c.id', 'c.name', 'c.description'])
      .where('fc.organisation_id', '=', organisationId)
      .where('fc.function_id', '=', person.functionId)
      .where('c.archived_at', 'is', null)
      .orderBy('fc.position')
      .execute();
    return {
      templateId: chosen.id,
      templateName: chosen.name,
      questions: [
        ...questions,
        ...competencies.map((c) => ({
          id: `competency-${c.id}`,
          prompt: c.name,
          help: [c.description, competencyHelp[language]].filter(Boolean).join(' '),
          competencyId: c.id,
        })),
      ],
    };
  }
  return { templateId: chosen.id, templateName: chosen.name, questions };
}

/** What a printed form names: the organisation, and its time zone for the moment it was made. */
export async function findOrganisationHeader(
  db: Db,
  organisationId: string,
): Promise<{ name: string; time_zone: string } | undefined> {
  return db
    .selectFrom('organisations')
    .select(['name', 'time_zone'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
}
