import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useRules } from '../../components/rules.js';
import { type PersonFormValues, personExtraRules } from './person-form-values.js';

export function usePersonForm(initialValues: PersonFormValues) {
  const { t } = useTranslation();
  const rules = useRules();
  const extra = personExtraRules(t);
  return useForm<PersonFormValues>({
    initialValues,
    validate: {
      firstName: rules.required(100),
      lastName: rules.required(100),
      email: rules.email,
      workRegime: rules.optional(100),
      fte: extra.fte,
      endDate: extra.endDate,
    },
  });
}
