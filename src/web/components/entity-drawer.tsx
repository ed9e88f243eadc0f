import { Drawer } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface EntityDrawerProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}

/** Mantine renders dialog headers as <header>, a second banner landmark next to the app's own header. */
const plainHeader = { component: 'div' } as object;

/** Create and edit forms slide in from the side; on a phone they take the whole screen. */
export function EntityDrawer({ opened, onClose, title, children }: EntityDrawerProps) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  return (
    <Drawer.Root opened={opened} onClose={onClose} position="right" size={isPhone ? '100%' : 'lg'}>
      <Drawer.Overlay />
      <Drawer.Content>
        <Drawer.Header {...plainHeader}>
          <Drawer.Title fz="h3" fw={650}>
            {title}
          </Drawer.Title>
          <Drawer.CloseButton aria-label={t('common.close')} />
        </Drawer.Header>
        <Drawer.Body>{children}</Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
