import type { z } from 'zod';
import type { outboxResponse } from '../../../shared/contracts/organisation.js';
import type { EmailRow } from '../../db/schema.js';

type OutboxItem = z.infer<typeof outboxResponse>['items'][number];
const statuses = ['sent', 'logged', 'failed', 'pending'] as const;

/** A pending email that already failed once waits for a retry. */
const statusOf = (row: EmailRow): OutboxItem['status'] => {
  const status = statuses.find((s) => s === row.status) ?? 'pending';
  return status === 'pending' && Number(row.attempts) > 0 ? 'retrying' : status;
};

export function presentEmail(row: EmailRow): OutboxItem {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    status: statusOf(row),
    attempts: Number(row.attempts),
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
