import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Database, EmailRow } from '../db/schema.js';
import { claimTimeoutMs, retryDelayMs } from './retry.domain.js';

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
  /** An iCalendar invitation or cancellation: sent as a calendar part with this METHOD, and as an attachment. */
  method?: 'REQUEST' | 'CANCEL' | 'PUBLISH';
}

export interface OutgoingEmail {
  organisationId: string | null;
  /** What the email is for (`invitation`, `password-reset`, ...), shown in the outbox. */
  kind: string;
  to: string;
  toName?: string;
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
}

export type DeliveryOutcome = 'sent' | 'logged' | 'retrying' | 'failed' | 'lost';

export interface Mailer {
  /** Records the email in the outbox and delivers it (SMTP) or writes it to the log (no SMTP configured). */
  send(email: OutgoingEmail): Promise<void>;
  /**
   * Records the email in the outbox inside the caller's transaction, claimed with `claimToken`: the caller delivers
   * it after committing. Should the caller die first, the claim times out and `deliverDue` sends it.
   */
  record(db: Kysely<Database>, email: OutgoingEmail, claimToken: string): Promise<string>;
  /**
   * Delivers a recorded email the caller holds the claim of; a failure is retried later with backoff. The display
   * name is not stored: it only dresses the To header of this attempt.
   */
  deliver(emailId: string, claimToken: string, toName?: string): Promise<DeliveryOutcome>;
  /** Delivers the emails whose retry is due, or whose claim was left behind by a process that died. */
  deliverDue(limit?: number): Promise<number>;
}

/** Names and subjects go into headers: no line breaks may reach them. */
export const headerSafe = (value: string): string => value.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();

const parseAttachments = (json: string | null): EmailAttachment[] => {
  if (!json) return [];
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as EmailAttachment[]) : [];
  } catch {
    return [];
  }
};

export function createMailer(deps: {
  smtpUrl: string | undefined;
  from: string;
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
}): Mailer {
  const smtpUrl = deps.smtpUrl;
  // nodemailer loads with the first email sent, not with the server.
  let transport: Promise<Transporter> | undefined;
  const db = deps.db;

  async function transmit(row: EmailRow, toName: string | undefined): Promise<void> {
    if (!smtpUrl) return;
    transport ??= import('nodemailer')
      .then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl))
      .catch((error: unknown) => {
        // Tried again with the next email instead of failing every one after it.
        transport = undefined;
        throw error;
      });
    const attachments = parseAttachments(row.attachments);
    const invite = attachments.find((a) => a.method);
    await (await transport).sendMail({
      from: deps.from,
      to: toName ? { name: headerSafe(toName), address: row.to_address } : row.to_address,
      subject: headerSafe(row.subject),
      text: row.text_body,
      html: row.html_body,
      ...(invite
        ? { icalEvent: { method: invite.method, filename: invite.filename, content: invite.content } }
        : {}),
      attachments: attachments
        .filter((a) => a !== invite)
        .map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    });
  }

  const mailer: Mailer = {
    async record(trx, email, claimToken) {
      const id = randomUUID();
      const at = deps.now().toISOString();
      await trx
        .insertInto('emails')
        .values({
          id,
          organisation_id: email.organisationId,
          kind: email.kind,
          to_address: email.to,
          subject: headerSafe(email.subject),
          text_body: email.text,
          html_body: email.html,
          status: 'pending',
          last_error: null,
          created_at: at,
          sent_at: null,
          next_attempt_at: null,
          claimed_at: at,
          claim_token: claimToken,
          attachments: email.attachments?.length ? JSON.stringify(email.attachments) : null,
        })
        .execute();
      return id;
    },

    async deliver(emailId, claimToken, toName) {
      const row = await db.selectFrom('emails').selectAll().where('id', '=', emailId).executeTakeFirst();
      if (!row || row.claim_token !== claimToken || row.status !== 'pending') return 'lost';
      const mine = (q: ReturnType<typeof update>) =>
        q.where('id', '=', emailId).where('claim_token', '=', claimToken).execute();
      const update = () => db.updateTable('emails');
      if (!smtpUrl) {
        // The text may hold a password link: it stays in the outbox (the beheerder's page), never in the log.
        deps.logger.info(
          { email: { id: emailId, kind: row.kind, to: row.to_address, subject: row.subject } },
          'email not sent (no SMTP_URL): read it on the outbox page',
        );
        await mine(update().set({ status: 'logged', claimed_at: null, claim_token: null }));
        return 'logged';
      }
      try {
        await transmit(row, toName);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const attempts = Number(row.attempts) + 1;
        const delay = retryDelayMs(attempts);
        deps.logger.warn({ emailId, kind: row.kind, attempts, error: message }, 'email delivery failed');
        await mine(
          update().set({
            status: delay === null ? 'failed' : 'pending',
            last_error: message.slice(0, 500),
            attempts,
            next_attempt_at: delay === null ? null : new Date(deps.now().getTime() + delay).toISOString(),
            claimed_at: null,
            claim_token: null,
          }),
        );
        return delay === null ? 'failed' : 'retrying';
      }
      await mine(
        update().set((eb) => ({
          status: 'sent',
          sent_at: deps.now().toISOString(),
          attempts: eb('attempts', '+', 1),
          next_attempt_at: null,
          claimed_at: null,
          claim_token: null,
        })),
      );
      return 'sent';
    },

    async send(email) {
      const token = randomUUID();
      const id = await mailer.record(db, email, token);
      await mailer.deliver(id, token, email.toName);
    },

    async deliverDue(limit = 25) {
      const now = deps.now();
      const at = now.toISOString();
      const stale = new Date(now.getTime() - claimTimeoutMs).toISOString();
      // biome-ignore lint/suspicious/noExplicitAny: the same condition serves the select and the guarded claim
      const claimable = (eb: any) =>
        eb.and([
          eb('status', '=', 'pending'),
          eb.or([
            eb.and([eb('claim_token', 'is', null), eb('next_attempt_at', '<=', at)]),
            eb.and([eb('claim_token', 'is not', null), eb('claimed_at', '<', stale)]),
          ]),
        ]);
      const due = await db
        .selectFrom('emails')
        .select('id')
        .where(claimable)
        .orderBy('created_at')
        .limit(limit)
        .execute();
      let delivered = 0;
      for (const { id } of due) {
        const token = randomUUID();
        const claimed = await db
          .updateTable('emails')
          .set({ claimed_at: at, claim_token: token })
          .where('id', '=', id)
          .where(claimable)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) continue;
        if ((await mailer.deliver(id, token)) === 'sent') delivered++;
      }
      return delivered;
    },
  };
  return mailer;
}
