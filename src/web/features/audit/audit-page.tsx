import { Alert, Button, Group, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AuditAction,
  type AuditObjectType,
  auditActions,
  auditObjectTypes,
} from '../../../shared/contracts/audit.js';
import { fullName } from '../../../shared/text.js';
import { api } from '../../api/client.js';
import { useMe } from '../../app/session.js';
import { DateField } from '../../components/date-field.js';
import type { InputProps } from '../../components/form-types.js';
import type { Option } from '../../components/options.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { type AuditFilters, useAuditSearch } from './audit-api.js';
import { AuditTable } from './audit-table.js';
import { useAuditText } from './audit-text.js';

/** A person to filter on, searched on the server by name or email address (any status). */
function PersonFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [chosen, setChosen] = useState<Option | null>(null);
  const people = useQuery({
    queryKey: ['audit', 'people', q],
    queryFn: () => api.people.list({ ...(q ? { q } : {}), status: 'all', limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const options: Option[] = (people.data?.items ?? []).map((p) => ({ value: p.id, label: fullName(p) }));
  if (chosen && value === chosen.value && !options.some((o) => o.value === chosen.value))
    options.push(chosen);
  return (
    <Select
      label={label}
      placeholder={t('audit.filters.personPlaceholder')}
      data={options}
      value={value ?? null}
      onChange={(id, option) => {
        setChosen(option ?? null);
        onChange(id ?? undefined);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      style={{ flex: '1 1 14rem' }}
    />
  );
}

const dateProps = (value: string | undefined, onChange: (value: string | undefined) => void) =>
  ({
    value: value ?? null,
    onChange: (v: string | null) => onChange(v ?? undefined),
  }) as unknown as InputProps;

/** The organisation's audit log for the beheerder: who did what when, searchable; content fields by name only. */
export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const timeZone = me.organisation.timeZone;
  const text = useAuditText(timeZone);
  const [filters, setFilters] = useState<AuditFilters>({});
  const set = <K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) =>
    setFilters((current) => {
      const next = { ...current };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  const audit = useAuditSearch(filters);
  const events = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />
      <Stack gap="md">
        <Alert color="gray">{t('audit.privacy')}</Alert>
        <Group align="flex-end" gap="sm" role="search" aria-label={t('audit.filters.label')}>
          <PersonFilter
            label={t('audit.filters.actor')}
            value={filters.actorId}
            onChange={(v) => set('actorId', v)}
          />
          <PersonFilter
            label={t('audit.filters.subject')}
            value={filters.subjectPersonId}
            onChange={(v) => set('subjectPersonId', v)}
          />
          <Select
            label={t('audit.filters.action')}
            placeholder={t('audit.filters.any')}
            data={auditActions.map((action) => ({ value: action, label: text.actionLabel({ action }) }))}
            value={filters.action ?? null}
            onChange={(v) => set('action', (v as AuditAction | null) ?? undefined)}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            style={{ flex: '1 1 16rem' }}
          />
          <Select
            label={t('audit.filters.objectType')}
            placeholder={t('audit.filters.any')}
            data={auditObjectTypes.map((type) => ({ value: type, label: text.objectTypeLabel(type) }))}
            value={filters.objectType ?? null}
            onChange={(v) => set('objectType', (v as AuditObjectType | null) ?? undefined)}
            clearable
            comboboxProps={{ withinPortal: true }}
            style={{ flex: '1 1 12rem' }}
          />
          <div style={{ flex: '1 1 10rem' }}>
            <DateField
              label={t('audit.filters.from')}
              inputProps={dateProps(filters.from, (v) => set('from', v))}
            />
          </div>
          <div style={{ flex: '1 1 10rem' }}>
            <DateField
              label={t('audit.filters.to')}
              inputProps={dateProps(filters.to, (v) => set('to', v))}
            />
          </div>
          {filtered && (
            <Button variant="subtle" onClick={() => setFilters({})}>
              {t('audit.filters.clear')}
            </Button>
          )}
        </Group>
        {audit.isPending && <Skeleton height={240} />}
        {audit.isError && <QueryError error={audit.error} onRetry={() => void audit.refetch()} />}
        {audit.isSuccess && events.length === 0 && (
          <Text>{filtered ? t('audit.emptySearch') : t('audit.empty')}</Text>
        )}
        {events.length > 0 && (
          <AuditTable
            events={events}
            timeZone={timeZone}
            showSubject
            showObjectType
            hasMore={audit.hasNextPage}
            loadingMore={audit.isFetchingNextPage}
            onLoadMore={() => void audit.fetchNextPage()}
          />
        )}
      </Stack>
    </>
  );
}
