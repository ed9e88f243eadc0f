import { MantineProvider } from '@mantine/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { onFirstNotification } from '../components/notify.js';
import { cssVariablesResolver, theme } from './theme.js';

const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

/** The toast container (and its code) arrives with the first notification, not with the first page. */
function LazyNotifications() {
  const [enabled, setEnabled] = useState(false);
  useEffect(() => onFirstNotification(() => setEnabled(true)), []);
  if (!enabled) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position="top-right" />
    </Suspense>
  );
}

export function Providers({
  children,
  i18n,
  queryClient,
}: {
  children: ReactNode;
  i18n: I18n;
  queryClient: QueryClient;
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
          <LazyNotifications />
          {children}
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
