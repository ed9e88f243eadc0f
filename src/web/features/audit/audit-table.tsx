import { Button, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../shared/contracts/audit.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { formatDateTime } from '../../i18n/format.js';
import { useAuditText } from './audit-text.js';

interface AuditTableProps {
  events: readonly AuditEvent[];
  timeZone: string;
  /** The beheerder's log names whose plan or record each row is about; a plan's own log does not need it. */
  showSubject?: boolean;
  /** The beheerder's log names the kind of record; a plan's own log names the goal or action instead. */
  showObjectType?: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** Rows of the audit log, newest first, with the changed fields of each. */
export function AuditTable({
  events,
  timeZone,
  showSubject = false,
  showObjectType = false,
  hasMore,
  loadingMore,
  onLoadMore,
}: AuditTableProps) {
  const { t } = useTranslation();
  const text = useAuditText(timeZone);
  return (
    <Stack gap="sm">
      <ResponsiveTable label={t('audit.tableLabel')} minWidth={showSubject ? 860 : 640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.columns.when')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.who')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.what')}</Table.Th>
            {showSubject && <Table.Th scope="col">{t('audit.columns.subject')}</Table.Th>}
            <Table.Th scope="col">{t('audit.columns.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(event.occurredAt, timeZone)}
              </Table.Td>
              <Table.Td>{text.actorText(event)}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {text.actionLabel(event)}
                </Text>
                {event.objectLabel && (
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {event.objectLabel}
                  </Text>
                )}
                {showObjectType && (
                  <Text size="xs" c="dimmed">
                    {text.objectTypeLabel(event.objectType)}
                  </Text>
                )}
              </Table.Td>
              {showSubject && <Table.Td>{event.subject?.name ?? ''}</Table.Td>}
              <Table.Td>
                {event.changes.length > 0 && (
                  <List size="sm" spacing={2} style={{ overflowWrap: 'anywhere' }}>
                    {event.changes.map((change) => (
                      <List.Item key={change.field}>{text.changeLine(change)}</List.Item>
                    ))}
                  </List>
                )}
                {showSubject && event.requestId && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {t('audit.requestId', { id: event.requestId })}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ResponsiveTable>
      {hasMore && (
        <Button
          variant="default"
          onClick={onLoadMore}
          loading={loadingMore}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('audit.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
