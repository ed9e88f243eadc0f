import { Alert, AppShell, Box, Burger, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { Locale } from '../../shared/i18n/locales.js';
import { roles as allRoles } from '../../shared/roles.js';
import { api } from '../api/client.js';
import { queryKeys } from '../api/query-keys.js';
import { clearDrafts } from '../components/drafts.js';
import { FullPageLoader } from '../components/full-page-loader.js';
import { notifyError } from '../components/notify.js';
import { NotificationBell } from '../features/notifications/notification-bell.js';
import { switchLocale } from '../i18n/i18n.js';
import { LanguageToggle } from './language-toggle.js';
import { Navigation } from './navigation.js';
import { PageErrorBoundary } from './page-error-boundary.js';
import { useMe } from './session.js';

/** Name and roles of the signed-in person, e.g. "Els Maes" and "medewerker, HR, beheerder". */
function useWhoAmI() {
  const { t } = useTranslation();
  const me = useMe();
  return {
    name: `${me.person.firstName} ${me.person.lastName}`,
    roles: allRoles
      .filter((r) => me.person.roles.includes(r))
      .map((r) => t(`roles.${r}`))
      .join(', '),
  };
}

function useLogout() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.auth.logout,
    onSettled: () => {
      clearDrafts();
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, null);
      void navigate('/login', { replace: true });
    },
  });
}

function useLanguageSwitch() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api.auth.updateMe({ locale }),
    onSuccess: async (me) => {
      queryClient.setQueryData(queryKeys.me, me);
      await switchLocale(me.person.locale);
    },
    onError: (error) => notifyError(t, error),
  });
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const who = useWhoAmI();
  const [opened, { toggle, close }] = useDisclosure(false);
  const language = useLanguageSwitch();
  const logout = useLogout();
  const location = useLocation();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Text component={Link} to="/" fw={800} fz="lg" c="groeipad.9" style={{ textDecoration: 'none' }}>
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed" truncate visibleFrom="md" maw={280}>
              {me.organisation.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            <LanguageToggle compact busy={language.isPending} onChange={(l) => language.mutate(l)} />
            <Box visibleFrom="sm" maw={220} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} lh={1.2} truncate>
                {who.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} truncate>
                {who.roles}
              </Text>
            </Box>
            <Button
              variant="default"
              size="compact-sm"
              loading={logout.isPending}
              onClick={() => logout.mutate()}
            >
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="sm"
        id="main-navigation"
        aria-label={t('shell.navigation')}
        style={{ overflowY: 'auto' }}
      >
        <Stack gap={2} px="sm" pb="md" hiddenFrom="sm">
          <Text size="sm" fw={600}>
            {who.name}
          </Text>
          <Text size="xs" c="dimmed">
            {who.roles}
          </Text>
          <Text size="xs" c="dimmed">
            {me.organisation.name}
          </Text>
        </Stack>
        <Navigation capabilities={me.capabilities} roles={me.person.roles} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        {me.organisation.isDemo && (
          <Alert color="orange" variant="light" mb="md" title={t('shell.demo.title')}>
            {t('shell.demo.body')}
          </Alert>
        )}
        <PageErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<FullPageLoader />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
