import { useTranslation } from 'react-i18next';
import type { NotificationItem } from '../../../shared/contracts/notifications.js';
import { dateIn } from '../../../shared/pop/dates.js';
import { useMe } from '../../app/session.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';

/** The sentence of a notification in the reader's language, with dates in the organisation's time zone. */
export function useNotificationText() {
  const { t } = useTranslation();
  const timeZone = useMe().organisation.timeZone;
  return (item: NotificationItem): { title: string; detail: string | null } => {
    const p = item.params;
    const text = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : '');
    const values = {
      other: text('other'),
      when: formatDateTime(text('at'), timeZone),
      date: p.approvedAt
        ? formatDate(dateIn(timeZone, new Date(text('approvedAt'))))
        : formatDate(text('date')),
      deadline: formatDate(text('deadline')),
      periodStart: formatDate(text('periodStart')),
      periodEnd: formatDate(text('periodEnd')),
      year: p.year ?? '',
    };
    const missing = text('missing');
    return {
      title: t(`notifications.kinds.${item.kind}.title`, values),
      detail:
        item.kind === 'exchange_deadline' && (missing === 'you' || missing === 'other' || missing === 'both')
          ? t(`notifications.missing.${missing}`, values)
          : null,
    };
  };
}
