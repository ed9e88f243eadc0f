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
