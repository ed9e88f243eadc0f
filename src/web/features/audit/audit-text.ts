import { useTranslation } from 'react-i18next';
import type { AuditChange, AuditEvent } from '../../../shared/contracts/audit.js';
import type { Timing } from '../../../shared/pop/timing.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { timingText } from '../plans/plan-labels.js';

/** Values whose words the catalogue already has, by field. */
const valueLabels: Record<string, string> = {
  phase: 'pop.phases',
  priority: 'pop.priorities',
  horizon: 'pop.horizons',
  evaluationResult: 'pop.evaluationResults',
  party: 'pop.parties',
  roles: 'roles',
  type: 'pop.actionTypes',
};

const longest = 300;
const isoMoment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** Words for the audit log's codes and values, in the reader's language. */
export function useAuditText(timeZone: string) {
  const { t, i18n } = useTranslation();
  const known = (key: string): string | undefined => (i18n.exists(key) ? String(t(key as never)) : undefined);

  const actionLabel = (event: Pick<AuditEvent, 'action'>): string =>
    known(`audit.actions.${event.action}`) ?? event.action;

  const objectTypeLabel = (type: AuditEvent['objectType']): string => t(`audit.objectTypes.${type}`);

  const fieldLabel = (field: string): string => {
    const [base = field, step] = field.split('.');
    const label = known(`audit.fields.${base}`) ?? base;
    return step ? `${label} (${known(`audit.steps.${step}`) ?? step})` : label;
  };

  const value = (field: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return t('audit.empty_value');
    if (typeof raw === 'boolean') return raw ? t('audit.yes') : t('audit.no');
    if (field === 'entries' && Array.isArray(raw)) return t('audit.entriesCount', { count: raw.length });
    if (field === 'timing' && typeof raw === 'object') return timingText(raw as Timing, t);
    if (Array.isArray(raw)) return raw.map((item) => value(field, item)).join(', ');
    if (typeof raw === 'string') {
      if (field.endsWith('Id')) return t('audit.otherReference');
      if (field === 'mandatoryKinds') return known(`notifications.kinds.${raw}.label`) ?? raw;
      // An action's status or a person's: the codes do not overlap.
      if (field === 'status')
        return known(`pop.actionStatuses.${raw}`) ?? known(`people.status.${raw}`) ?? raw;
      const prefix = valueLabels[field];
      const word = prefix ? known(`${prefix}.${raw}`) : undefined;
      if (word) return word;
      if (isoMoment.test(raw)) return formatDateTime(raw, timeZone);
      if (isoDay.test(raw)) return formatDate(raw);
      return raw.length > longest ? `${raw.slice(0, longest - 1)}…` : raw;
    }
    if (typeof raw === 'number') return new Intl.NumberFormat(i18n.language).format(raw);
    return JSON.stringify(raw).slice(0, longest);
  };

  const changeLine = (change: AuditChange): string => {
    const field = fieldLabel(change.field);
    if (change.hidden) return t('audit.hidden', { field });
    const hasBefore = 'before' in change;
    const hasAfter = 'after' in change;
    if (hasBefore && hasAfter)
      return t('audit.change', {
        field,
        before: value(change.field, change.before),
        after: value(change.field, change.after),
      });
    if (hasAfter) return t('audit.set', { field, after: value(change.field, change.after) });
    return t('audit.removed', { field, before: value(change.field, change.before) });
  };

  const actorText = (event: AuditEvent): string => {
    const name = event.actor ? event.actor.name || t('audit.unknownPerson') : t('audit.system');
    if (!event.actor || !event.actorRole) return name;
    return `${name} (${t('audit.as', { role: t(`audit.roles.${event.actorRole}`) })})`;
  };

  return { actionLabel, objectTypeLabel, fieldLabel, changeLine, actorText };
}
