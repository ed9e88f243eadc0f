import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .alterTable('organisations')
    .addColumn('hr_sees_plan_content', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .execute();
  await db.schema
    .alterTable('organisations')
    .addColumn('exchange_days', 'integer', (c) => c.notNull().defaultTo(7))
    .execute();

  await db.schema
    .createTable('preparation_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('is_default', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    // Which shipped template a row started from; it keeps a default from being added twice.
    .addColumn('builtin_key', 'text')
    .addColumn('archived_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('preparation_templates_builtin_unique', ['organisation_id', 'builtin_key'])
    .execute();

  await db.schema
    .createTable('template_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('template_id', 'text', (c) =>
      c.notNull().references('preparation_templates.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('help', 'text')
    .execute();
  await db.schema
    .createIndex('template_questions_template')
    .on('template_questions')
    .columns(['template_id', 'position'])
    .execute();

  await db.schema
    .createTable('template_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('template_id', 'text', (c) =>
      c.notNull().references('preparation_templates.id').onDelete('cascade'),
    )
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('cascade'))
    .addColumn('function_id', 'text', (c) => c.references('job_functions.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('template_assignments_org')
    .on('template_assignments')
    .columns(['organisation_id', 'party'])
    .execute();

  await db.schema
    .createTable('action_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('is_formal', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('active', t.boolean, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('action_types_org').on('action_types').column('organisation_id').execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('employee_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('manager_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('period_start', t.date, (c) => c.notNull())
    .addColumn('period_end', t.date, (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('conversation_at', t.timestamp)
    .addColumn('employee_approved_at', t.timestamp)
    .addColumn('manager_approved_at', t.timestamp)
    .addColumn('disagreement', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('disagreement_comment', 'text')
    .addColumn('revision_open', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('evaluation_complete', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('cancelled', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('approved_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('previous_plan_id', 'text', (c) => c.references('plans.id').onDelete('set null'))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('facilities', 'text')
    .addColumn('evaluation_date', t.date)
    .addColumn('conversation_notes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('closed_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  for (const column of ['employee_id', 'manager_id', 'phase']) {
    await db.schema
      .createIndex(`plans_org_${column}`)
      .on('plans')
      .columns(['organisation_id', column])
      .execute();
  }
  await db.schema.createIndex('plans_previous').on('plans').column('previous_plan_id').execute();

  await db.schema
    .createTable('preparations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.references('preparation_templates.id').onDelete('set null'))
    .addColumn('template_name', 'text', (c) => c.notNull())
    // The questions as they were when the plan started: later template edits never change a plan.
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('shared_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('preparations_plan_party_unique', ['plan_id', 'party'])
    .execute();

  await db.schema
    .createTable('talking_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('talking_points_plan')
    .on('talking_points')
    .columns(['plan_id', 'party'])
    .execute();

  await db.schema
    .createTable('goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('reason', 'text')
    .addColumn('organisation_goal', 'text')
    .addColumn('competency_id', 'text', (c) => c.references('competencies.id').onDelete('set null'))
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('horizon', 'text', (c) => c.notNull())
    .addColumn('target_date', t.date)
    .addColumn('measure', 'text')
    .addColumn('confirm_specific', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('confirm_measurable', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('confirm_realistic', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('confirm_time_bound', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('acceptable_by_employee', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('acceptable_by_manager', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('carried_from_goal_id', 'text', (c) => c.references('goals.id').onDelete('set null'))
    .addColumn('evaluation_result', 'text')
    .addColumn('evaluation_note', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('goals_plan').on('goals').columns(['plan_id', 'position']).execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('provider', 'text')
    .addColumn('timing', 'text')
    .addColumn('hours', t.real)
    .addColumn('cost', t.real)
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('EUR'))
    .addColumn('is_formal', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('funding', 'text')
    .addColumn('support_time', 'text')
    .addColumn('support_budget', 'text')
    .addColumn('support_logistics', 'text')
    .addColumn('support_coach', 'text')
    .addColumn('follow_up', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('actual_hours', t.real)
    .addColumn('actual_cost', t.real)
    .addColumn('actual_start', t.date)
    .addColumn('actual_end', t.date)
    .addColumn('certificate_note', 'text')
    .addColumn('carried_from_action_id', 'text', (c) => c.references('actions.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('actions_plan').on('actions').column('plan_id').execute();
  await db.schema.createIndex('actions_goal').on('actions').columns(['goal_id', 'position']).execute();

  await db.schema
    .createTable('action_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_comments_plan').on('action_comments').column('plan_id').execute();
  await db.schema.createIndex('action_comments_action').on('action_comments').column('action_id').execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('planned_date', t.date, (c) => c.notNull())
    .addColumn('held_at', t.timestamp)
    .addColumn('notes', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('follow_ups_plan')
    .on('follow_ups')
    .columns(['plan_id', 'planned_date'])
    .execute();

  await db.schema
    .createTable('follow_up_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('follow_up_id', 'text', (c) => c.notNull().references('follow_ups.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('progress', 'text')
    .addColumn('acceleration', 'text')
    .addColumn('expectations', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('follow_up_entries_goal_unique', ['follow_up_id', 'goal_id'])
    .execute();
  await db.schema.createIndex('follow_up_entries_plan').on('follow_up_entries').column('plan_id').execute();

  await db.schema
    .createTable('plan_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('employee_approved_at', t.timestamp, (c) => c.notNull())
    .addColumn('manager_approved_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('plan_versions_number_unique', ['plan_id', 'number'])
    .execute();

  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('goals_reached', 'text')
    .addColumn('effect_on_functioning', 'text')
    .addColumn('effect_on_career', 'text')
    .addColumn('submitted_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('evaluations_plan_party_unique', ['plan_id', 'party'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'evaluations',
    'plan_versions',
    'follow_up_entries',
    'follow_ups',
    'action_comments',
    'actions',
    'goals',
    'talking_points',
    'preparations',
    'plans',
    'action_types',
    'template_assignments',
    'template_questions',
    'preparation_templates',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('organisations').dropColumn('exchange_days').execute();
  await db.schema.alterTable('organisations').dropColumn('hr_sees_plan_content').execute();
}
