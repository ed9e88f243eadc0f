import { Select, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../app/session.js';
import { PageHeader } from '../../components/page-header.js';
import { NoAccessPage } from '../errors/no-access-page.js';
import { BalancesSection } from './balances-section.js';
import { LearningAccountSection } from './learning-account-section.js';
import { SettingsSection } from './settings-section.js';

const tabs = ['balances', 'settings', 'learningAccount'] as const;
type Tab = (typeof tabs)[number];
const isTab = (value: string | null): value is Tab =>
  value !== null && (tabs as readonly string[]).includes(value);

/**
 * The Belgian training right: balances for HR, the beheerder and managers (their own people); settings and norms
 * for HR and the beheerder; the learning-account deliveries for HR. Organisations in the Netherlands have no such
 * page (the server answers 404 for them too).
 */
export function TrainingRightPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const roles = me.person.roles;
  const isHr = roles.includes('hr');
  const canSettle = isHr || roles.includes('admin');
  const isManager = roles.includes('manager');
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year')) || thisYear;
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);
  if (!years.includes(year)) years.push(year);

  if (me.organisation.country !== 'BE' || (!canSettle && !isManager)) return <NoAccessPage />;

  const set = (key: string, value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null) next.delete(key);
        else next.set(key, value);
        if (key === 'year') next.delete('page');
        return next;
      },
      { replace: true },
    );
  const available: Tab[] = canSettle ? (isHr ? [...tabs] : ['balances', 'settings']) : ['balances'];
  const rawTab = params.get('tab');
  const tab: Tab = isTab(rawTab) && available.includes(rawTab) ? rawTab : 'balances';

  const yearSelect = (
    <Select
      label={t('trainingRight.year')}
      data={years.sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }))}
      value={String(year)}
      onChange={(value) => set('year', value === String(thisYear) ? null : value)}
      allowDeselect={false}
      w={120}
    />
  );

  return (
    <Stack gap="md" maw={1200}>
      <PageHeader
        title={t('trainingRight.title')}
        description={canSettle ? t('trainingRight.intro') : t('trainingRight.introManager')}
        actions={yearSelect}
      />
      {available.length === 1 ? (
        <BalancesSection year={year} canSendStatements={false} />
      ) : (
        <Tabs
          value={tab}
          onChange={(value) => set('tab', value === 'balances' ? null : value)}
          keepMounted={false}
        >
          <Tabs.List aria-label={t('trainingRight.tabs.label')} mb="md">
            {available.map((key) => (
              <Tabs.Tab key={key} value={key}>
                {t(`trainingRight.tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="balances">
            <BalancesSection year={year} canSendStatements={isHr} />
          </Tabs.Panel>
          <Tabs.Panel value="settings">
            <SettingsSection year={year} />
          </Tabs.Panel>
          {isHr && (
            <Tabs.Panel value="learningAccount">
              <LearningAccountSection year={year} />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
    </Stack>
  );
}
