import type { ActionType } from '../../../shared/contracts/templates.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { translate } from '../../../shared/i18n/translate.js';
import { builtInActionTypes } from '../../../shared/pop/action-types.js';
import type { ActionTypeRow } from '../../db/schema.js';

/** Built-in kinds come first, named from the catalogues; the organisation's own follow in their order. */
export function presentBuiltInActionTypes(locale: Locale): ActionType[] {
  return builtInActionTypes.map((t, position) => ({
    key: t.key,
    builtIn: true,
    id: null,
    label: translate(locale, `pop.actionTypes.${t.key}`),
    nameNl: translate('nl-BE', `pop.actionTypes.${t.key}`),
    nameEn: translate('en', `pop.actionTypes.${t.key}`),
    isFormal: t.isFormal,
    countsForTrainingRight: true,
    active: true,
    position,
    version: null,
  }));
}

export function presentActionType(row: ActionTypeRow, locale: Locale): ActionType {
  return {
    key: row.id,
    builtIn: false,
    id: row.id,
    label: locale === 'en' && row.name_en ? row.name_en : row.name_nl,
    nameNl: row.name_nl,
    nameEn: row.name_en,
    isFormal: Boolean(row.is_formal),
    countsForTrainingRight: Boolean(row.counts_for_training_right),
    active: Boolean(row.active),
    position: row.position,
    version: Number(row.version),
  };
}
