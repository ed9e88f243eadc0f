import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Skeleton,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type OutboxMessage } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { useMe } from '../../app/session.js';
import { AppModal } from '../../components/app-modal.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { formatDateTime } from '../../i18n/format.js';
import { OutboxProblems, RetryEmailButton, useOutboxStatusLabel } from '../notifications/outbox-delivery.js';

const statusColor: Record<OutboxMessage['status'], string> = {
  sent: 'green',
  logged: 'blue',
  pending: 'orange',
  retrying: 'orange',
  failed: 'red',
};

const urlPattern = /(https?:\/\/[^\s<>"]+)/g;

/** Links to this Groeipad (invitations, password links) become clickable; other text stays as it is. */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(urlPattern);
  return (
    <>
      {parts.map((part, index) => {
        const key = `${index}-${part.slice(0, 12)}`;
        if (index % 2 === 1 && part.startsWith(window.location.origin)) {
          return (
            <Anchor key={key} href={part} ff="monospace" fz="inherit">
              {part}
            </Anchor>
          );
        }
        return <span key={key}>{part}</span>;
      })}
    </>
  );
}

export function OutboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const outbox = useQuery({ queryKey: queryKeys.outbox, queryFn: api.admin.outbox, staleTime: 0 });
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const statusLabel = useOutboxStatusLabel();
  const zone = me.organisation.timeZone;
  const items = outbox.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('outbox.title')}
        description={t('outbox.intro')}
        actions={
          <Button variant="default" onClick={() => void outbox.refetch()} loading={outbox.isFetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      {outbox.isPending && <Skeleton height={200} />}
      {outbox.isError && <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.isSuccess && items.length === 0 && <Text>{t('outbox.empty')}</Text>}
      <OutboxProblems items={items} />
      {items.length > 0 && (
        <ResponsiveTable label={t('outbox.tableLabel')} minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('outbox.fields.createdAt')}</Table.Th>
              <Table.Th scope="col">{t('outbox.fields.to')}</Table.Th>
              <Table.Th scope="col">{t('outbox.fields.subject')}</Table.Th>
              <Table.Th scope="col">{t('common.fields.status')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('outbox.fields.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((message) => (
              <Table.Tr key={message.id}>
                <Table.Td>{formatDateTime(message.createdAt, zone)}</Table.Td>
                <Table.Td>{message.to}</Table.Td>
                <Table.Td>{message.subject}</Table.Td>
                <Table.Td>
                  <Badge color={statusColor[message.status]} variant="light" size="sm">
                    {statusLabel(message)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => setOpen(message)}
                    aria-label={t('outbox.viewNamed', { subject: message.subject, to: message.to })}
                  >
                    {t('outbox.view')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
      <AppModal opened={open !== null} onClose={() => setOpen(null)} title={open?.subject ?? ''} size="xl">
        {open && (
          <Stack gap="sm">
            <Text size="sm">{t('outbox.meta.to', { to: open.to })}</Text>
            <Text size="sm">
              {t('outbox.meta.createdAt', { date: formatDateTime(open.createdAt, zone) })}
            </Text>
            {open.sentAt && (
              <Text size="sm">{t('outbox.meta.sentAt', { date: formatDateTime(open.sentAt, zone) })}</Text>
            )}
            {open.lastError && open.status !== 'sent' && (
              <Alert color="red" title={t('outbox.lastError', { attempts: open.attempts })}>
                {open.lastError}
              </Alert>
            )}
            <RetryEmailButton message={open} onDone={setOpen} />
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              <LinkedText text={open.text} />
            </Code>
          </Stack>
        )}
      </AppModal>
    </>
  );
}
