import type { Locale } from '../../shared/i18n/locales.js';
import { translate } from '../../shared/i18n/translate.js';

export const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

interface ActionEmail {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  footer: string;
}

/** One layout for every email: plain text and HTML carry the same words; every value is escaped in HTML. */
export function renderActionEmail(email: ActionEmail): { subject: string; text: string; html: string } {
  const text = [
    email.greeting,
    '',
    ...email.paragraphs.flatMap((p) => [p, '']),
    `${email.action.label}: ${email.action.url}`,
    '',
    '--',
    email.footer,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#1f2933;line-height:1.5">
<p>${escapeHtml(email.greeting)}</p>
${email.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(email.action.url)}" style="display:inline-block;background:#1f5f8b;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(email.action.label)}</a></p>
<p style="font-size:12px;color:#52606d">${escapeHtml(email.footer)}</p>
</body></html>`;
  return { subject: email.subject, text, html };
}

export function invitationEmail(
  locale: Locale,
  values: { name: string; organisation: string; inviter: string; url: string; days: number },
) {
  const t = (key: string) => translate(locale, `email.invitation.${key}`, values);
  return renderActionEmail({
    subject: t('subject'),
    greeting: t('greeting'),
    paragraphs: [t('body'), t('expiry')],
    action: { label: t('action'), url: values.url },
    footer: translate(locale, 'email.footer', values),
  });
}

export function passwordResetEmail(
  locale: Locale,
  values: { name: string; organisation: string; url: string; minutes: number },
) {
  const t = (key: string) => translate(locale, `email.reset.${key}`, values);
  return renderActionEmail({
    subject: t('subject'),
    greeting: t('greeting'),
    paragraphs: [t('body'), t('expiry')],
    action: { label: t('action'), url: values.url },
    footer: translate(locale, 'email.footer', values),
  });
}
