import { randomUUID } from 'node:crypto';
import type {
  SaveDayNormInput,
  TrainingRightSettings,
  UpdateTrainingRightSettingsInput,
} from '../../../shared/contracts/training-right.js';
import { AppError } from '../../../shared/errors.js';
import { type Actor, canManageTrainingRight } from '../../../shared/policies.js';
import { dateIn } from '../../../shared/pop/dates.js';
import { defaultHoursPerDay, legalDaysPerFte } from '../../../shared/training-right/entitlement.js';
import type { AppContext } from '../../context.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import type { OrganisationRow } from '../../db/schema.js';
import {
  organisationAuditSnapshot,
  recordChange,
  recordOrganisationChange,
  trainingNormAuditValues,
} from '../audit/index.js';
import { type EmployerFacts, type YearRule, yearRules } from './training-right.domain.js';
import { presentNorm, presentSettings } from './training-right.presenter.js';
import * as repo from './training-right.repository.js';

/** The organisation with everything the training right's arithmetic needs, for one request. */
export interface Employer {
  org: OrganisationRow;
  facts: EmployerFacts;
  rules: (year: number) => YearRule;
  /** Today in the organisation's time zone. */
  today: string;
}

export const belgiumOnly = (): AppError =>
  new AppError('NOT_FOUND', { params: { messageKey: 'TRAINING_RIGHT_BELGIUM_ONLY' } });

/**
 * Loads the employer's settings, norms and everyone's employment. The Belgian training right does not exist for an
 * organisation in the Netherlands: every endpoint answers 404 there.
 */
export async function loadEmployer(ctx: AppContext, organisationId: string): Promise<Employer> {
  const db = ctx.database.db;
  const org = await repo.findOrganisation(db, organisationId);
  if (!org) throw new AppError('NOT_FOUND');
  if (org.country !== 'BE') throw belgiumOnly();
  const [norms, people] = await Promise.all([
    repo.listNorms(db, organisationId),
    repo.employmentOfEveryone(db, organisationId),
  ]);
  const facts: EmployerFacts = {
    enteredAverageFte: org.average_fte === null ? null : Number(org.average_fte),
    carryOver: Boolean(org.training_carry_over),
    hoursPerDay: Number(org.training_hours_per_day) || defaultHoursPerDay,
    norms: norms.map((n) => ({ year: Number(n.year), daysPerFte: Number(n.days_per_fte) })),
    firstRecordedYear: Number(org.created_at.slice(0, 4)),
    people: people
      .filter((p) => p.status === 'active' || p.end_date !== null)
      .map((p) => ({ fte: Number(p.fte), startDate: p.start_date, endDate: p.end_date })),
  };
  return { org, facts, rules: yearRules(facts), today: dateIn(org.time_zone, ctx.clock.now()) };
}

export const currentYear = (employer: Employer): number => Number(employer.today.slice(0, 4));

export async function getSettings(
  ctx: AppContext,
  actor: Actor,
  year?: number,
): Promise<TrainingRightSettings> {
  const employer = await loadEmployer(ctx, actor.organisationId);
  if (!canManageTrainingRight(actor)) throw new AppError('FORBIDDEN');
  const norms = await repo.listNorms(ctx.database.db, actor.organisationId);
  return presentSettings(employer, year ?? currentYear(employer), norms);
}

export async function updateSettings(
  ctx: AppContext,
  actor: Actor,
  input: UpdateTrainingRightSettingsInput,
): Promise<TrainingRightSettings> {
  await loadEmployer(ctx, actor.organisationId);
  if (!canManageTrainingRight(actor)) throw new AppError('FORBIDDEN');
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const before = await organisationAuditSnapshot(trx, actor.organisationId);
    await guardedUpdate(
      trx,
      'organisations',
      { id: actor.organisationId, organisationId: actor.organisationId, version: input.version },
      {
        ...(input.averageFte !== undefined ? { average_fte: input.averageFte } : {}),
        ...(input.jointCommittee !== undefined ? { joint_committee: input.jointCommittee } : {}),
        ...(input.carryOver !== undefined
          ? { training_carry_over: input.carryOver ? (1 as const) : (0 as const) }
          : {}),
        ...(input.hoursPerDay !== undefined ? { training_hours_per_day: input.hoursPerDay } : {}),
        ...(input.consultationBody !== undefined ? { consultation_body: input.consultationBody } : {}),
      },
      now,
    );
    await recordOrganisationChange(trx, { actor, before, at: now });
  });
  return getSettings(ctx, actor);
}

/** Creates (version null) or changes the norm of one year: the days per FTE a sector agreement sets. */
export async function saveNorm(
  ctx: AppContext,
  actor: Actor,
  year: number,
  input: SaveDayNormInput,
): Promise<ReturnType<typeof presentNorm>> {
  const employer = await loadEmployer(ctx, actor.organisationId);
  if (!canManageTrainingRight(actor)) throw new AppError('FORBIDDEN');
  const now = ctx.clock.now();
  const saved = await ctx.database.db.transaction().execute(async (db) => {
    const existing = await repo.findNorm(db, actor.organisationId, year);
    if (input.version === null) {
      const inserted = await repo.insertNorm(db, {
        id: randomUUID(),
        organisationId: actor.organisationId,
        year,
        daysPerFte: input.daysPerFte,
        note: input.note ?? null,
        now: now.toISOString(),
      });
      if (!inserted) {
        const current = await repo.findNorm(db, actor.organisationId, year);
        throw new AppError('VERSION_CONFLICT', { currentVersion: Number(current?.version ?? 1) });
      }
    } else {
      if (!existing) throw new AppError('NOT_FOUND');
      await guardedUpdate(
        db,
        'training_day_norms',
        { id: existing.id, organisationId: actor.organisationId, version: input.version },
        { days_per_fte: input.daysPerFte, ...(input.note !== undefined ? { note: input.note } : {}) },
        now,
      );
    }
    const row = await repo.findNorm(db, actor.organisationId, year);
    if (!row) throw new AppError('NOT_FOUND');
    await recordChange(db, {
      organisationId: actor.organisationId,
      actor,
      action: 'training_norm.saved',
      objectType: 'training_norm',
      objectId: row.id,
      before: existing && input.version !== null ? trainingNormAuditValues(existing) : null,
      after: trainingNormAuditValues(row),
      at: now,
    });
    return row;
  });
  return presentNorm(saved, legalDaysPerFte(year, employer.rules(year).sizeBand));
}

/** Removes a year's norm: the legal number applies again. */
export async function deleteNorm(
  ctx: AppContext,
  actor: Actor,
  year: number,
  version: number,
): Promise<void> {
  await loadEmployer(ctx, actor.organisationId);
  if (!canManageTrainingRight(actor)) throw new AppError('FORBIDDEN');
  const db = ctx.database.db;
  const deleted = await db.transaction().execute(async (trx) => {
    const before = await repo.findNorm(trx, actor.organisationId, year);
    if (!before || (await repo.deleteNorm(trx, actor.organisationId, year, version)) !== 1) return false;
    await recordChange(trx, {
      organisationId: actor.organisationId,
      actor,
      action: 'training_norm.deleted',
      objectType: 'training_norm',
      objectId: before.id,
      before: trainingNormAuditValues(before),
      after: null,
      at: ctx.clock.now(),
      always: true,
    });
    return true;
  });
  if (deleted) return;
  const existing = await repo.findNorm(db, actor.organisationId, year);
  if (!existing) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { currentVersion: Number(existing.version) });
}
