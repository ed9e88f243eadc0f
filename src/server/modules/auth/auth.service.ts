import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Me } from '../../../shared/contracts/auth.js';
import { AppError } from '../../../shared/errors.js';
import { isLocale, type Locale } from '../../../shared/i18n/locales.js';
import { capabilitiesOf } from '../../../shared/policies.js';
import { roles as allRoles, type Role } from '../../../shared/roles.js';
import { emailKey } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { invitationEmail, passwordResetEmail } from '../../email/templates.js';
import type { SessionActor } from '../../security/session-actor.js';
import { hashToken, newToken } from '../../security/tokens.js';
import * as repo from './auth.repository.js';
import { dummyHash, hashPassword, isCommonPassword, verifyPassword } from './passwords.js';
import {
  afterFailure,
  loginPerAccount,
  loginPerIp,
  resetPerAccount,
  resetPerIp,
  secondsBlocked,
  type ThrottleRule,
  type ThrottleState,
} from './throttle.domain.js';

export type { SessionActor };

/** A session cookie value and the actor it stands for. */
export interface NewSession {
  token: string;
  actor: SessionActor;
  expiresAt: Date;
}

type Db = Kysely<Database>;

const toRoles = (values: string[]): Role[] =>
  values.filter((r): r is Role => (allRoles as readonly string[]).includes(r));
const localeOr = (value: string): Locale => (isLocale(value) ? value : 'nl-BE');
const TOUCH_EVERY_MS = 60_000;

/** Finds the live session for a cookie value; expired sessions (idle or absolute) are deleted on sight. */
export async function resolveSession(ctx: AppContext, token: string): Promise<SessionActor | null> {
  const db = ctx.database.db;
  const sessionId = hashToken(token);
  const session = await repo.findSession(db, sessionId);
  if (!session) return null;
  const now = ctx.clock.now();
  const idleLimit = new Date(session.lastSeenAt).getTime() + ctx.config.session.idleMinutes * 60_000;
  if (session.status !== 'active' || now.getTime() >= idleLimit || now >= new Date(session.expiresAt)) {
    await repo.deleteSession(db, sessionId);
    return null;
  }
  if (now.getTime() - new Date(session.lastSeenAt).getTime() >= TOUCH_EVERY_MS) {
    await repo.touchSession(db, sessionId, now.toISOString());
  }
  return {
    sessionId,
    personId: session.personId,
    organisationId: session.organisationId,
    roles: toRoles(session.roles),
    csrfToken: session.csrfToken,
    locale: localeOr(session.locale),
  };
}

async function createSession(
  ctx: AppContext,
  db: Db,
  person: { id: string; organisationId: string; locale: string },
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const now = ctx.clock.now();
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + ctx.config.session.absoluteHours * 3_600_000);
  await repo.insertSession(db, {
    id: hashToken(token),
    personId: person.id,
    organisationId: person.organisationId,
    csrfToken,
    now: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  await repo.recordLogin(db, person.id, now.toISOString());
  return {
    token,
    expiresAt,
    actor: {
      sessionId: hashToken(token),
      personId: person.id,
      organisationId: person.organisationId,
      roles: toRoles(await repo.rolesOf(db, person.id)),
      csrfToken,
      locale: localeOr(person.locale),
    },
  };
}

async function throttleState(db: Db, key: string): Promise<ThrottleState | undefined> {
  const row = await repo.findThrottle(db, key);
  return row
    ? {
        failures: row.failures,
        windowStartedAt: new Date(row.window_started_at),
        blockedUntil: row.blocked_until ? new Date(row.blocked_until) : null,
      }
    : undefined;
}

async function assertNotThrottled(ctx: AppContext, keys: string[]): Promise<void> {
  const now = ctx.clock.now();
  let wait = 0;
  for (const key of keys)
    wait = Math.max(wait, secondsBlocked(await throttleState(ctx.database.db, key), now));
  if (wait > 0) throw new AppError('RATE_LIMITED', { retryAfterSeconds: wait });
}

async function countAttempt(ctx: AppContext, key: string, rule: ThrottleRule): Promise<void> {
  const db = ctx.database.db;
  const next = afterFailure(await throttleState(db, key), ctx.clock.now(), rule);
  await repo.saveThrottle(db, {
    key,
    failures: next.failures,
    window_started_at: next.windowStartedAt.toISOString(),
    blocked_until: next.blockedUntil?.toISOString() ?? null,
  });
}

export async function login(
  ctx: AppContext,
  input: { email: string; password: string; ip: string; userAgent: string | null; previousToken?: string },
): Promise<NewSession> {
  const key = emailKey(input.email);
  const accountKey = `login:account:${key}`;
  const ipKey = `login:ip:${input.ip}`;
  await assertNotThrottled(ctx, [accountKey, ipKey]);
  const db = ctx.database.db;
  const candidate = await repo.findLoginCandidate(db, key);
  const valid =
    candidate?.password_hash && candidate.status === 'active'
      ? await verifyPassword(candidate.password_hash, input.password)
      : (await verifyPassword(await dummyHash, input.password)) && false;
  if (!candidate || !valid) {
    await countAttempt(ctx, accountKey, loginPerAccount);
    await countAttempt(ctx, ipKey, loginPerIp);
    throw new AppError('UNAUTHENTICATED', { params: { messageKey: 'INVALID_CREDENTIALS' } });
  }
  await repo.clearThrottle(db, accountKey);
  // Rotate: whatever session the browser held before is ended, a new id is issued.
  if (input.previousToken) await repo.deleteSession(db, hashToken(input.previousToken));
  return createSession(
    ctx,
    db,
    { id: candidate.id, organisationId: candidate.organisation_id, locale: candidate.locale },
    { ip: input.ip, userAgent: input.userAgent },
  );
}

export async function logout(ctx: AppContext, sessionId: string): Promise<void> {
  await repo.deleteSession(ctx.database.db, sessionId);
}

/** Ends every session of a person (account disabled, password changed or reset). */
export async function revokeSessionsOf(db: Db, personId: string): Promise<void> {
  await repo.deleteSessionsOfPerson(db, personId);
}

export async function getMe(ctx: AppContext, actor: SessionActor): Promise<Me> {
  const db = ctx.database.db;
  const person = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name', 'email', 'locale'])
    .where('id', '=', actor.personId)
    .where('organisation_id', '=', actor.organisationId)
    .executeTakeFirstOrThrow();
  const organisation = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'country', 'time_zone', 'is_demo'])
    .where('id', '=', actor.organisationId)
    .executeTakeFirstOrThrow();
  return {
    person: {
      id: person.id,
      firstName: person.first_name,
      lastName: person.last_name,
      email: person.email,
      locale: localeOr(person.locale),
      roles: [...actor.roles],
    },
    organisation: {
      id: organisation.id,
      name: organisation.name,
      country: organisation.country === 'NL' ? 'NL' : 'BE',
      timeZone: organisation.time_zone,
      isDemo: Boolean(organisation.is_demo),
    },
    capabilities: capabilitiesOf(actor),
    csrfToken: actor.csrfToken,
  };
}

export async function updateMe(
  ctx: AppContext,
  actor: SessionActor,
  input: { locale: Locale },
): Promise<void> {
  await ctx.database.db
    .updateTable('people')
    .set({ locale: input.locale, updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', actor.personId)
    .where('organisation_id', '=', actor.organisationId)
    .execute();
}

function assertAcceptablePassword(password: string, field: string): void {
  if (isCommonPassword(password)) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: field, code: 'common_password' }] });
  }
}

export async function changePassword(
  ctx: AppContext,
  actor: SessionActor,
  input: { currentPassword: string; newPassword: string; ip: string; userAgent: string | null },
): Promise<NewSession> {
  const db = ctx.database.db;
  const accountKey = `password:account:${actor.personId}`;
  await assertNotThrottled(ctx, [accountKey]);
  const current = await repo.passwordHashOf(db, actor.personId);
  if (!current || !(await verifyPassword(current, input.currentPassword))) {
    await countAttempt(ctx, accountKey, loginPerAccount);
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'currentPassword', code: 'password_mismatch' }],
    });
  }
  assertAcceptablePassword(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (trx) => {
    await repo.setPasswordHash(trx, actor.personId, passwordHash, ctx.clock.now().toISOString());
    await repo.deleteSessionsOfPerson(trx, actor.personId);
    return createSession(
      ctx,
      trx,
      { id: actor.personId, organisationId: actor.organisationId, locale: actor.locale },
      input,
    );
  });
}

/** Creates a one-time link token and emails it. Used for invitations (by HR) and password resets. */
async function issueToken(
  ctx: AppContext,
  person: { id: string; organisationId: string },
  purpose: 'invitation' | 'reset',
): Promise<string> {
  const now = ctx.clock.now();
  const token = newToken();
  const ttlMs =
    purpose === 'invitation'
      ? ctx.config.tokens.invitationDays * 86_400_000
      : ctx.config.tokens.resetMinutes * 60_000;
  await ctx.database.db.transaction().execute(async (trx) => {
    // A new link replaces any earlier one of the same person.
    await repo.revokeTokensOfPerson(trx, person.id, now.toISOString());
    await repo.insertAuthToken(trx, {
      id: randomUUID(),
      tokenHash: hashToken(token),
      organisationId: person.organisationId,
      personId: person.id,
      purpose,
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    });
  });
  return token;
}

export async function sendInvitation(
  ctx: AppContext,
  person: { id: string; organisationId: string; firstName: string; email: string; locale: string },
  inviter: { name: string; organisationName: string },
): Promise<Date> {
  const token = await issueToken(ctx, person, 'invitation');
  const now = ctx.clock.now();
  await ctx.database.db
    .updateTable('people')
    .set({ invited_at: now.toISOString() })
    .where('id', '=', person.id)
    .execute();
  const message = invitationEmail(localeOr(person.locale), {
    name: person.firstName,
    organisation: inviter.organisationName,
    inviter: inviter.name,
    url: `${ctx.config.publicUrl}/welcome/${token}`,
    days: ctx.config.tokens.invitationDays,
  });
  await ctx.mailer.send({
    organisationId: person.organisationId,
    kind: 'invitation',
    to: person.email,
    toName: person.firstName,
    ...message,
  });
  return now;
}

/** Always answers the same way, whether the address exists or not. */
export async function requestPasswordReset(
  ctx: AppContext,
  input: { email: string; ip: string },
): Promise<void> {
  const key = emailKey(input.email);
  const accountKey = `reset:account:${key}`;
  const ipKey = `reset:ip:${input.ip}`;
  await assertNotThrottled(ctx, [ipKey]);
  await countAttempt(ctx, ipKey, resetPerIp);
  const blocked = secondsBlocked(await throttleState(ctx.database.db, accountKey), ctx.clock.now()) > 0;
  if (blocked) return;
  await countAttempt(ctx, accountKey, resetPerAccount);
  const candidate = await repo.findLoginCandidate(ctx.database.db, key);
  if (candidate?.status !== 'active') return;
  const person = await ctx.database.db
    .selectFrom('people')
    .select(['email'])
    .where('id', '=', candidate.id)
    .executeTakeFirstOrThrow();
  const token = await issueToken(
    ctx,
    { id: candidate.id, organisationId: candidate.organisation_id },
    'reset',
  );
  const message = passwordResetEmail(localeOr(candidate.locale), {
    name: candidate.first_name,
    organisation: candidate.organisation_name,
    url: `${ctx.config.publicUrl}/reset-password/${token}`,
    minutes: ctx.config.tokens.resetMinutes,
  });
  await ctx.mailer.send({
    organisationId: candidate.organisation_id,
    kind: 'password-reset',
    to: person.email,
    toName: candidate.first_name,
    ...message,
  });
}

async function liveToken(ctx: AppContext, token: string) {
  const row = await repo.findAuthToken(ctx.database.db, hashToken(token));
  if (!row || row.used_at || new Date(row.expires_at) <= ctx.clock.now() || row.status !== 'active') {
    throw new AppError('TOKEN_INVALID');
  }
  return row;
}

export async function tokenInfo(ctx: AppContext, token: string) {
  const row = await liveToken(ctx, token);
  return {
    purpose: row.purpose === 'invitation' ? ('invitation' as const) : ('reset' as const),
    firstName: row.first_name,
    organisationName: row.organisation_name,
  };
}

/** Accepting an invitation or a reset link: sets the password, ends other sessions and signs the person in. */
export async function setPasswordWithToken(
  ctx: AppContext,
  input: { token: string; password: string; ip: string; userAgent: string | null },
): Promise<NewSession> {
  const row = await liveToken(ctx, input.token);
  assertAcceptablePassword(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now().toISOString();
  return ctx.database.db.transaction().execute(async (trx) => {
    if (!(await repo.useAuthToken(trx, row.id, now))) throw new AppError('TOKEN_INVALID');
    await repo.setPasswordHash(trx, row.person_id, passwordHash, now);
    await repo.revokeTokensOfPerson(trx, row.person_id, now);
    await repo.deleteSessionsOfPerson(trx, row.person_id);
    const person = await trx
      .selectFrom('people')
      .select(['id', 'organisation_id', 'locale'])
      .where('id', '=', row.person_id)
      .executeTakeFirstOrThrow();
    return createSession(
      ctx,
      trx,
      { id: person.id, organisationId: person.organisation_id, locale: person.locale },
      input,
    );
  });
}

export { assertAcceptablePassword, hashPassword };

/** Signs a person in right after an action that proved who they are (the first set-up). */
export async function startSession(
  ctx: AppContext,
  personId: string,
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const db = ctx.database.db;
  const person = await db
    .selectFrom('people')
    .select(['id', 'organisation_id', 'locale'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return createSession(
    ctx,
    db,
    { id: person.id, organisationId: person.organisation_id, locale: person.locale },
    client,
  );
}
