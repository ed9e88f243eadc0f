import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Database } from '../db/schema.js';

export interface OutgoingEmail {
  organisationId: string | null;
  /** What the email is for (`invitation`, `password-reset`, ...), shown in the outbox. */
  kind: string;
  to: string;
  toName?: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Records the email in the outbox and delivers it (SMTP) or writes it to the log (no SMTP configured). */
  send(email: OutgoingEmail): Promise<void>;
}

/** Names and subjects go into headers: no line breaks may reach them. */
export const headerSafe = (value: string): string => value.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();

export function createMailer(deps: {
  smtpUrl: string | undefined;
  from: string;
  db: Kysely<Database>;
  logger: Logger;
  now: () => Date;
}): Mailer {
  const transport = deps.smtpUrl ? nodemailer.createTransport(deps.smtpUrl) : undefined;
  return {
    async send(email) {
      const id = randomUUID();
      const subject = headerSafe(email.subject);
      await deps.db
        .insertInto('emails')
        .values({
          id,
          organisation_id: email.organisationId,
          kind: email.kind,
          to_address: email.to,
          subject,
          text_body: email.text,
          html_body: email.html,
          status: transport ? 'pending' : 'logged',
          last_error: null,
          created_at: deps.now().toISOString(),
          sent_at: null,
        })
        .execute();
      if (!transport) {
        deps.logger.info(
          { email: { to: email.to, subject, text: email.text } },
          'email (no SMTP_URL: logged, not sent)',
        );
        return;
      }
      try {
        await transport.sendMail({
          from: deps.from,
          to: email.toName ? { name: headerSafe(email.toName), address: email.to } : email.to,
          subject,
          text: email.text,
          html: email.html,
        });
        await deps.db
          .updateTable('emails')
          .set((eb) => ({
            status: 'sent',
            sent_at: deps.now().toISOString(),
            attempts: eb('attempts', '+', 1),
          }))
          .where('id', '=', id)
          .execute();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        deps.logger.warn({ emailId: id, kind: email.kind, error: message }, 'email delivery failed');
        await deps.db
          .updateTable('emails')
          .set((eb) => ({
            status: 'failed',
            last_error: message.slice(0, 500),
            attempts: eb('attempts', '+', 1),
          }))
          .where('id', '=', id)
          .execute();
      }
    },
  };
}
