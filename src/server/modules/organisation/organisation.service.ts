import { randomUUID } from 'node:crypto';
import type { Organisation } from '../../../shared/contracts/organisation.js';
import type { SetupBody } from '../../../shared/contracts/system.js';
import { AppError } from '../../../shared/errors.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { type Actor, canManageOrganisation } from '../../../shared/policies.js';
import type { Country } from '../../../shared/roles.js';
import type { AppContext } from '../../context.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import { organisationAuditSnapshot, recordOrganisationChange } from '../audit/index.js';
import { assertAcceptablePassword, hashPassword } from '../auth/index.js';
import { insertPerson, replaceRoles } from '../people/index.js';
import { presentOrganisation } from './organisation.presenter.js';
import * as repo from './organisation.repository.js';

export const defaultTimeZone = (country: Country): string =>
  country === 'NL' ? 'Europe/Amsterdam' : 'Europe/Brussels';

export async function needsSetup(ctx: AppContext): Promise<boolean> {
  return !(await repo.isSetupDone(ctx.database.db));
}

/** First start: the organisation and its first beheerder. Runs once per install; there is no default account. */
export async function setup(
  ctx: AppContext,
  input: SetupBody,
  locale: Locale,
): Promise<{ organisationId: string; adminId: string }> {
  if (!(await needsSetup(ctx))) throw new AppError('SETUP_ALREADY_DONE');
  assertAcceptablePassword(input.admin.password, 'admin.password');
  const passwordHash = await hashPassword(input.admin.password);
  const now = ctx.clock.now().toISOString();
  const organisationId = randomUUID();
  const adminId = randomUUID();
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      await repo.markSetupDone(trx, now);
      await repo.insertOrganisation(trx, {
        id: organisationId,
        name: input.organisation.name,
        country: input.organisation.country,
        locale,
        timeZone: defaultTimeZone(input.organisation.country),
        isDemo: false,
        now,
      });
      await insertPerson(trx, {
        id: adminId,
        organisationId,
        firstName: input.admin.firstName,
        lastName: input.admin.lastName,
        email: input.admin.email,
        employmentCountry: input.organisation.country,
        locale,
        passwordHash,
        now,
      });
      await replaceRoles(trx, organisationId, adminId, ['employee', 'admin', 'hr']);
    });
  } catch (error) {
    if (await repo.isSetupDone(ctx.database.db)) throw new AppError('SETUP_ALREADY_DONE', { cause: error });
    throw error;
  }
  return { organisationId, adminId };
}

export async function getOrganisation(ctx: AppContext, actor: Actor): Promise<Organisation> {
  const row = await repo.findOrganisation(ctx.database.db, actor.organisationId);
  if (!row) throw new AppError('NOT_FOUND');
  return presentOrganisation(row);
}

export async function updateOrganisation(
  ctx: AppContext,
  actor: Actor,
  input: {
    name?: string;
    country?: Country;
    locale?: Locale;
    timeZone?: string;
    hrSeesPlanContent?: boolean;
    exchangeDays?: number;
    version: number;
  },
): Promise<Organisation> {
  if (!canManageOrganisation(actor)) throw new AppError('FORBIDDEN');
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const before = await organisationAuditSnapshot(trx, actor.organisationId);
    await guardedUpdate(
      trx,
      'organisations',
      { id: actor.organisationId, organisationId: actor.organisationId, version: input.version },
      {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.country !== undefined ? { country: input.country } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        ...(input.timeZone !== undefined ? { time_zone: input.timeZone } : {}),
        ...(input.hrSeesPlanContent !== undefined
          ? { hr_sees_plan_content: input.hrSeesPlanContent ? (1 as const) : (0 as const) }
          : {}),
        ...(input.exchangeDays !== undefined ? { exchange_days: input.exchangeDays } : {}),
      },
      now,
    );
    await recordOrganisationChange(trx, { actor, actorRole: 'admin', before, at: now });
  });
  return getOrganisation(ctx, actor);
}

export { repo as organisationRepository };
