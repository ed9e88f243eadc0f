import { lazy, Suspense, useState } from 'react';
import type { AppModalProps } from './app-modal-dialog.js';

// Mantine's Modal (portal, focus trap, scroll lock) loads with the first dialog that opens, not with every page.
const AppModalDialog = lazy(() =>
  import('./app-modal-dialog.js').then((m) => ({ default: m.AppModalDialog })),
);

export function AppModal(props: AppModalProps) {
  const [used, setUsed] = useState(props.opened);
  if (props.opened && !used) setUsed(true);
  // Once opened it stays mounted, so it can play its closing transition and keep its focus handling.
  if (!used) return null;
  return (
    <Suspense fallback={null}>
      <AppModalDialog {...props} />
    </Suspense>
  );
}
