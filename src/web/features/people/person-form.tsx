import {
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/contracts/organisation.js';
import { locales } from '../../../shared/i18n/locales.js';
import { genders } from '../../../shared/pop/training-plan.js';
import { countries, roles } from '../../../shared/roles.js';
import { useFunctions, usePeopleOptions, useTeams } from '../../api/hooks.js';
import { DateField } from '../../components/date-field.js';
import { activeOptions, personOptions } from '../../components/options.js';
import { currentLocale } from '../../i18n/i18n.js';
import type { usePersonForm } from './use-person-form.js';

interface PersonFormFieldsProps {
  form: ReturnType<typeof usePersonForm>;
  mode: 'create' | 'edit';
  person?: Person;
  /** Only a beheerder grants HR and beheerder; others see a hint and the server's answer. */
  canGrantAllRoles: boolean;
}

export function PersonFormFields({ form, mode, person, canGrantAllRoles }: PersonFormFieldsProps) {
  const { t } = useTranslation();
  const teams = useTeams();
  const functions = useFunctions();
  const people = usePeopleOptions();
  const isDutch = currentLocale() !== 'en';
  const loadingText = t('common.loading');
  const teamOptions = activeOptions(teams.data?.items, {
    id: person?.teamId ?? null,
    name: person?.teamName ?? null,
  });
  const functionOptions = activeOptions(functions.data?.items, {
    id: person?.functionId ?? null,
    name: person?.functionName ?? null,
  });
  const managerOptions = personOptions(
    people.data?.items,
    { id: person?.managerId ?? null, name: person?.managerName ?? null },
    person?.id,
  );
  const selectProps = {
    clearable: true,
    searchable: true,
    nothingFoundMessage: t('common.nothingFound'),
    comboboxProps: { withinPortal: true },
  };

  return (
    <Stack gap="lg">
      <Fieldset legend={t('people.form.personSection')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('common.fields.firstName')}
            required
            autoComplete="off"
            {...form.getInputProps('firstName')}
          />
          <TextInput
            label={t('common.fields.lastName')}
            required
            autoComplete="off"
            {...form.getInputProps('lastName')}
          />
          <TextInput
            label={t('common.fields.email')}
            type="email"
            required
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <Select
            label={t('common.fields.language')}
            description={t('people.form.languageHint')}
            data={locales.map((l) => ({ value: l, label: t(`locales.${l}`) }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('people.form.employmentSection')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('common.fields.function')}
            data={functionOptions}
            placeholder={functions.isPending ? loadingText : t('common.choose')}
            {...selectProps}
            {...form.getInputProps('functionId')}
          />
          <Select
            label={t('common.fields.team')}
            data={teamOptions}
            placeholder={teams.isPending ? loadingText : t('common.choose')}
            {...selectProps}
            {...form.getInputProps('teamId')}
          />
          <Select
            label={t('common.fields.manager')}
            description={t('people.form.managerHint')}
            data={managerOptions}
            placeholder={people.isPending ? loadingText : t('common.choose')}
            {...selectProps}
            {...form.getInputProps('managerId')}
          />
          <TextInput
            label={t('common.fields.workRegime')}
            description={t('people.form.workRegimeHint')}
            {...form.getInputProps('workRegime')}
          />
          <DateField label={t('common.fields.startDate')} inputProps={form.getInputProps('startDate')} />
          <DateField label={t('common.fields.endDate')} inputProps={form.getInputProps('endDate')} />
          <NumberInput
            label={t('common.fields.fte')}
            description={t('people.form.fteHint')}
            min={0.01}
            max={1}
            step={0.1}
            decimalScale={2}
            decimalSeparator={isDutch ? ',' : '.'}
            {...form.getInputProps('fte')}
          />
          <Select
            label={t('common.fields.employmentCountry')}
            data={countries.map((c) => ({ value: c, label: t(`countries.${c}`) }))}
            allowDeselect={false}
            {...form.getInputProps('employmentCountry')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('trainingPlan.person.section')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('trainingPlan.person.purpose')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Checkbox
              label={t('trainingPlan.person.riskGroup')}
              description={t('trainingPlan.person.riskGroupHint')}
              {...form.getInputProps('riskGroup', { type: 'checkbox' })}
            />
            <Select
              label={t('trainingPlan.person.gender')}
              data={genders.map((g) => ({ value: g, label: t(`trainingPlan.groups.gender.${g}`) }))}
              placeholder={t('trainingPlan.person.genderPlaceholder')}
              clearable
              clearButtonProps={{ 'aria-label': t('trainingPlan.person.clearGender') }}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('gender')}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('people.form.accessSection')}>
        <Stack gap="sm">
          <Checkbox.Group
            label={t('common.fields.roles')}
            description={canGrantAllRoles ? t('people.form.rolesHint') : t('people.form.rolesHintHr')}
            {...form.getInputProps('roles')}
          >
            <Group mt="xs" gap="lg">
              {roles.map((role) => (
                <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          {mode === 'create' && (
            <Checkbox
              label={t('people.form.invite')}
              description={t('people.form.inviteHint')}
              {...form.getInputProps('invite', { type: 'checkbox' })}
            />
          )}
        </Stack>
      </Fieldset>
    </Stack>
  );
}
