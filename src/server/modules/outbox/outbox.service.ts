import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { outboxResponse } from '../../../shared/contracts/organisation.js';
import { AppError } from '../../../shared/errors.js';
import { type Actor, canViewOutbox } from '../../../shared/policies.js';
import type { AppContext } from '../../context.js';
import { presentEmail } from './outbox.presenter.js';
import * as repo from './outbox.repository.js';

const OUTBOX_SIZE = 200;

export async function listOutbox(ctx: AppContext, actor: Actor): Promise<z.infer<typeof outboxResponse>> {
  if (!canViewOutbox(actor)) throw new AppError('FORBIDDEN');
  const rows = await repo.latestEmails(ctx.database.db, actor.organisationId, OUTBOX_SIZE);
  return { items: rows.map(presentEmail) };
}

type OutboxItem = z.infer<typeof outboxResponse>['items'][number];

/** The beheerder sends a failed or waiting email again now (after fixing the SMTP settings, say). */
export async function retryEmail(ctx: AppContext, actor: Actor, id: string): Promise<OutboxItem> {
  if (!canViewOutbox(actor)) throw new AppError('FORBIDDEN');
  const db = ctx.database.db;
  const row = await repo.findEmail(db, actor.organisationId, id);
  if (!row) throw new AppError('NOT_FOUND');
  const token = randomUUID();
  if (!(await repo.claimForRetry(db, actor.organisationId, id, token, ctx.clock.now().toISOString())))
    throw new AppError('INVALID_STATE', { params: { messageKey: 'OUTBOX_NOT_RETRYABLE' } });
  await ctx.mailer.deliver(id, token);
  const after = await repo.findEmail(db, actor.organisationId, id);
  if (!after) throw new AppError('NOT_FOUND');
  return presentEmail(after);
}
