import './app/mantine-styles.js';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Providers } from './app/providers.js';
import { AppRoutes, preloadPage } from './app/router.js';
import { initI18n } from './i18n/i18n.js';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  preloadPage(window.location.pathname);
  const i18n = await initI18n();
  const app = createRoot(root);
  // The first render yields to the browser every few milliseconds instead of holding the main thread in one task.
  startTransition(() =>
    app.render(
      <StrictMode>
        <Providers i18n={i18n}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </Providers>
      </StrictMode>,
    ),
  );
}

void start();
