import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

interface ResponsiveTableProps {
  children: ReactNode;
  /** Accessible name of the table (and of its scroll region). */
  label: string;
  minWidth?: number;
}

/** Wide tables scroll sideways on a phone; the scroll region is focusable so keyboards can scroll it too. */
export function ResponsiveTable({ children, label, minWidth = 640 }: ResponsiveTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={label}>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
