import type { Locale } from '../../../shared/i18n/locales.js';
import { translate } from '../../../shared/i18n/translate.js';
import { renderActionEmail } from '../../email/templates.js';
import type { PersonYearBalance } from './training-right.domain.js';

const number = (value: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);

/**
 * The yearly balance statement (the employee is told their remaining training days at least once a year), in the
 * person's language. Text and HTML carry the same words; every value is escaped in the HTML, and the name never
 * reaches a header (the mailer strips line breaks from the recipient's name and the subject).
 */
export function statementEmail(
  locale: Locale,
  values: {
    name: string;
    organisation: string;
    year: number;
    daysPerFte: number;
    fte: number;
    balance: PersonYearBalance;
    carryOver: boolean;
    url: string;
  },
) {
  const b = values.balance;
  const params = {
    name: values.name,
    organisation: values.organisation,
    year: values.year,
    daysPerFte: number(values.daysPerFte, locale),
    fte: number(values.fte, locale),
    months: b.months,
    entitlement: number(b.entitlement, locale),
    carried: number(b.carriedOver, locale),
    available: number(b.available, locale),
    followed: number(b.followed, locale),
    planned: number(b.planned, locale),
    remaining: number(Math.max(0, b.remaining), locale),
    extra: number(Math.max(0, -b.remaining), locale),
    lapsing: number(b.lapsingAtYearEnd, locale),
  };
  const t = (key: string) => translate(locale, `email.trainingStatement.${key}`, params);
  const paragraphs = [
    t('intro'),
    t('entitlement'),
    ...(b.carriedOver > 0 ? [t('carried')] : []),
    t('followed'),
    b.remaining < 0 ? t('extra') : t('remaining'),
    values.carryOver
      ? b.lapsingAtYearEnd > 0
        ? `${t('carryOver')} ${t('lapsing')}`
        : t('carryOver')
      : t('noCarryOver'),
    t('learningAccount'),
  ];
  return renderActionEmail({
    subject: t('subject'),
    greeting: t('greeting'),
    paragraphs,
    action: { label: t('action'), url: values.url },
    footer: translate(locale, 'email.footer', params),
  });
}
