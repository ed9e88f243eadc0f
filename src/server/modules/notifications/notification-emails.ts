import type { Locale } from '../../../shared/i18n/locales.js';
import { translate } from '../../../shared/i18n/translate.js';
import type { NotificationKind } from '../../../shared/notifications/kinds.js';
import type { NotificationParams } from '../../../shared/notifications/planner.js';
import { dateIn } from '../../../shared/pop/dates.js';
import { formatDateBe } from '../../../shared/pop/timing.js';
import { escapeHtml, renderActionEmail } from '../../email/templates.js';

/**
 * The reminder emails: plain text and HTML with the same words, in the recipient's language, with one link to the
 * exact page. Names only ever reach the subject through the mailer, which strips line breaks from headers.
 */
export interface EmailContext {
  publicUrl: string;
  organisation: { name: string; timeZone: string };
  recipient: { firstName: string; locale: Locale };
}

const oneLine = (value: string): string => value.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();

const dateTimeIn = (iso: string, timeZone: string): string => {
  const at = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${formatDateBe(dateIn(timeZone, at))} ${parts}`;
};

/** The values a message is written with: dates in the Belgian notation and in the organisation's time zone. */
export function messageValues(params: NotificationParams, timeZone: string): Record<string, string | number> {
  // Names are written by people: a line break in one never reaches a header or breaks a line of the message.
  const values: Record<string, string | number> = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? oneLine(value) : value]),
  );
  const asDate = (key: string) => {
    const value = params[key];
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) values[key] = formatDateBe(value);
  };
  for (const key of ['date', 'deadline', 'periodStart', 'periodEnd']) asDate(key);
  if (typeof params.at === 'string') values.when = dateTimeIn(params.at, timeZone);
  if (typeof params.approvedAt === 'string')
    values.date = formatDateBe(dateIn(timeZone, new Date(params.approvedAt)));
  return values;
}

function subjectAndBody(
  kind: NotificationKind,
  params: NotificationParams,
  locale: Locale,
  values: Record<string, string | number>,
) {
  const t = (key: string) => translate(locale, `email.notifications.${kind}.${key}`, values);
  if (kind === 'conversation_invitation' && Number(params.sequence ?? 0) > 0)
    return { subject: t('subjectChanged'), paragraphs: [t('bodyChanged')] };
  const paragraphs = [t('body')];
  if (kind === 'exchange_deadline' && typeof params.missing === 'string')
    paragraphs.push(t(`missing.${params.missing}`));
  return { subject: t('subject'), paragraphs };
}

export function notificationEmail(
  context: EmailContext,
  item: { kind: NotificationKind; params: NotificationParams; link: string },
) {
  const { locale } = context.recipient;
  const values = messageValues(item.params, context.organisation.timeZone);
  const { subject, paragraphs } = subjectAndBody(item.kind, item.params, locale, values);
  return renderActionEmail({
    subject,
    greeting: translate(locale, 'email.notifications.greeting', {
      name: oneLine(context.recipient.firstName),
    }),
    paragraphs,
    action: {
      label: translate(locale, `email.notifications.${item.kind}.action`, values),
      url: `${context.publicUrl}${item.link}`,
    },
    footer: translate(locale, 'email.notifications.footer', { organisation: context.organisation.name }),
  });
}

/** The weekly digest: one line per reminder, each with its own link. */
export function digestEmail(
  context: EmailContext,
  items: ReadonlyArray<{ kind: NotificationKind; params: NotificationParams; link: string }>,
) {
  const { locale } = context.recipient;
  const t = (key: string, values?: Record<string, string | number>) =>
    translate(locale, `email.notifications.${key}`, values);
  const lines = items.map((item) => {
    const values = messageValues(item.params, context.organisation.timeZone);
    return {
      text: subjectAndBody(item.kind, item.params, locale, values).subject,
      url: `${context.publicUrl}${item.link}`,
    };
  });
  const greeting = t('greeting', { name: oneLine(context.recipient.firstName) });
  const footer = t('footer', { organisation: context.organisation.name });
  const subject = t('digest.subject');
  const text = [
    greeting,
    '',
    t('digest.intro'),
    '',
    ...lines.map((l) => `- ${l.text}\n  ${l.url}`),
    '',
    `${t('digest.action')}: ${context.publicUrl}/notifications`,
    '',
    '--',
    footer,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#1f2933;line-height:1.5">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(t('digest.intro'))}</p>
<ul>
${lines.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.text)}</a></li>`).join('\n')}
</ul>
<p><a href="${escapeHtml(`${context.publicUrl}/notifications`)}" style="display:inline-block;background:#1f5f8b;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(t('digest.action'))}</a></p>
<p style="font-size:12px;color:#52606d">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
