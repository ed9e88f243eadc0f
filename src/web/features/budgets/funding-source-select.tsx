import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFundingSources } from './budgets-api.js';

/**
 * The funding source an action's cost is assigned to: the organisation's active sources, plus the one the action
 * already has if it was archived since. Hidden while the organisation has no sources at all.
 */
export function FundingSourceSelect({
  currentId,
  inputProps,
}: {
  currentId: string | null;
  inputProps: Partial<SelectProps>;
}) {
  const { t } = useTranslation();
  const sources = useFundingSources();
  const items = sources.data?.items ?? [];
  const options = items
    .filter((source) => source.active || source.id === currentId)
    .map((source) => ({
      value: source.id,
      label: source.active ? source.name : `${source.name} (${t('budgets.archived')})`,
    }));
  if (options.length === 0) return null;
  return (
    <Select
      label={t('budgets.action.source')}
      description={t('budgets.action.sourceHint')}
      data={options}
      placeholder={t('budgets.action.noSource')}
      clearable
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      clearButtonProps={{ 'aria-label': t('budgets.action.clearSource') }}
      comboboxProps={{ withinPortal: true }}
      {...inputProps}
    />
  );
}
