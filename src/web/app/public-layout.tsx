import { Box, Container, Group, Paper, Text } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../components/full-page-loader.js';
import { switchLocale } from '../i18n/i18n.js';
import { LanguageToggle } from './language-toggle.js';
import { PageErrorBoundary } from './page-error-boundary.js';

/** Set-up, sign-in and password pages: one card in the middle, the language choice at the top. */
export function PublicLayout({ wide = false }: { wide?: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Box bg="gray.0" mih="100vh">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Text fw={800} fz="xl" c="groeipad.9">
            {t('app.name')}
          </Text>
          <LanguageToggle onChange={(l) => void switchLocale(l)} />
        </Group>
      </Box>
      <Container component="main" size={wide ? 640 : 440} px="md" pb="xl">
        <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} radius="md" mt={{ base: 'sm', sm: 'xl' }}>
          <PageErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<FullPageLoader />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="md">
          {t('app.tagline')}
        </Text>
      </Container>
    </Box>
  );
}
