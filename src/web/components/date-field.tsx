// Month and day names of the pickers in Dutch; they load with the first date field, not with the app.
import 'dayjs/locale/nl-be.js';
import '@mantine/dates/styles.css';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFormat } from '../i18n/format.js';
import { currentLocale, dayjsLocaleOf } from '../i18n/i18n.js';
import type { InputProps } from './form-types.js';

interface DateFieldProps {
  label: string;
  description?: string;
  inputProps: InputProps;
}

/**
 * A calendar date in Belgian notation (DD/MM/YYYY). The picker's dialog is named after its field and every
 * calendar button has a spoken label.
 */
export function DateField({ label, description, inputProps }: DateFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <DatesProvider settings={{ locale: dayjsLocaleOf(currentLocale()), firstDayOfWeek: 1, weekendDays: [] }}>
      <DatePickerInput
        id={id}
        label={label}
        description={description}
        valueFormat={dateFormat}
        clearable
        placeholder={t('common.pickDate')}
        clearButtonProps={{ 'aria-label': t('common.clearDate') }}
        // The calendar stays shown while the page moves under it (a section above that grows as fresh data comes in)
        // instead of being hidden until the next scroll.
        popoverProps={{ id, hideDetached: false }}
        hideOutsideDates
        ariaLabels={{
          nextMonth: t('common.calendar.nextMonth'),
          previousMonth: t('common.calendar.previousMonth'),
          nextYear: t('common.calendar.nextYear'),
          previousYear: t('common.calendar.previousYear'),
          nextDecade: t('common.calendar.nextDecade'),
          previousDecade: t('common.calendar.previousDecade'),
          monthLevelControl: t('common.calendar.monthLevel'),
          yearLevelControl: t('common.calendar.yearLevel'),
        }}
        {...inputProps}
      />
    </DatesProvider>
  );
}
