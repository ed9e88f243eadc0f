import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * The organisation's training plan, the Belgian training right and learning account, budgets and funding sources.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // Training right settings of the organisation (Belgium: wet werkbaar en wendbaar werk).
  const organisations = () => db.schema.alterTable('organisations');
  // Average FTE entered by HR; null = computed from the people records.
  await organisations().addColumn('average_fte', t.real).execute();
  // Paritair comité / commission paritaire, e.g. "319.01".
  await organisations().addColumn('joint_committee', 'text').execute();
  await organisations()
    .addColumn('training_carry_over', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .execute();
  await organisations()
    .addColumn('training_hours_per_day', t.real, (c) => c.notNull().defaultTo(7.6))
    .execute();
  // Who gives advice on the training plan: works_council | union_delegation | none; null = not chosen yet.
  await organisations().addColumn('consultation_body', 'text').execute();

  // Optional facts for the training plan's counts, seen and set by HR only.
  await db.schema
    .alterTable('people')
    .addColumn('risk_group', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .execute();
  // female | male | x | null (not recorded).
  await db.schema.alterTable('people').addColumn('gender', 'text').execute();

  await db.schema
    .alterTable('action_types')
    .addColumn('counts_for_training_right', t.boolean, (c) => c.notNull().defaultTo(t.trueValue))
    .execute();
  await db.schema
    .alterTable('actions')
    .addColumn('counts_for_training_right', t.boolean, (c) => c.notNull().defaultTo(t.trueValue))
    .execute();
  await db.schema.alterTable('actions').addColumn('funding_source_id', 'text').execute();
  await db.schema
    .createIndex('actions_funding_source')
    .on('actions')
    .columns(['funding_source_id'])
    .execute();

  // Training days per FTE for one year (a sector agreement may differ from the legal default).
  await db.schema
    .createTable('training_day_norms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('days_per_fte', t.real, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('training_day_norms_year_unique', ['organisation_id', 'year'])
    .execute();

  await db.schema
    .createTable('funding_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    // vivo | sector_fund | subsidy | own | personal_budget | other
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rules', 'text')
    .addColumn('archived_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('funding_sources_name_unique', ['organisation_id', 'name_key'])
    .execute();

  // A budget for one year: the organisation's (no team, no source), a team's, or a funding source's amount.
  await db.schema
    .createTable('budgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('cascade'))
    .addColumn('funding_source_id', 'text', (c) => c.references('funding_sources.id').onDelete('cascade'))
    // `${team_id ?? '-'}:${funding_source_id ?? '-'}`: one budget per scope and year on both databases.
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('amount', t.real, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    // A hard budget refuses an approval that would overspend it; a soft one warns.
    .addColumn('is_hard', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .addColumn('note', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('budgets_scope_unique', ['organisation_id', 'year', 'scope_key'])
    .execute();

  // The consultation steps of one year's training plan and when each was done.
  await db.schema
    .createTable('training_plan_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    // draft_to_council | advice | final
    .addColumn('task_key', 'text', (c) => c.notNull())
    .addColumn('done_at', t.timestamp)
    .addColumn('done_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('training_plan_tasks_unique', ['organisation_id', 'year', 'task_key'])
    .execute();

  // Each delivery of training records to the federal learning account (a file exported by HR).
  await db.schema
    .createTable('learning_account_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    // yearly | quarterly | new_hire
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('exported_at', t.timestamp, (c) => c.notNull())
    .addColumn('exported_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('records', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('learning_account_exports_period')
    .on('learning_account_exports')
    .columns(['organisation_id', 'kind', 'period'])
    .execute();

  // Yearly training-days balance statements sent to employees.
  await db.schema
    .createTable('balance_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sent_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addUniqueConstraint('balance_statements_unique', ['organisation_id', 'person_id', 'year'])
    .execute();
}
