import { List, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { useRecordsOfProcessing } from './privacy-api.js';

type Column = 'purpose' | 'basis' | 'subjects' | 'data' | 'recipients' | 'retention';

/** The records of processing (GDPR art. 30) as the server words them from the settings, in the reader's language. */
export function RecordsOfProcessingSection() {
  const { t } = useTranslation();
  const records = useRecordsOfProcessing();
  const column = (key: Column) => t(`privacy.settings.ropaColumns.${key}`);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="ropa-heading">
      <Title order={2} fz="h4" id="ropa-heading">
        {t('privacy.settings.ropaTitle')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="sm">
        {t('privacy.settings.ropaIntro')}
      </Text>
      {records.isPending && <Skeleton height={300} />}
      {records.isError && <QueryError error={records.error} onRetry={() => void records.refetch()} />}
      {records.isSuccess && (
        <Stack gap="md">
          <Text size="sm">
            <strong>{t('privacy.settings.controller')}:</strong> {records.data.controller}
          </Text>
          {records.data.activities.map((activity) => (
            <Stack key={activity.key} gap={4} component="section" aria-labelledby={`ropa-${activity.key}`}>
              <Title order={3} fz="h5" id={`ropa-${activity.key}`}>
                {activity.name}
              </Title>
              <ResponsiveTable label={activity.name} minWidth={480}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th scope="row" w="25%">
                      {column('purpose')}
                    </Table.Th>
                    <Table.Td>{activity.purpose}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{column('basis')}</Table.Th>
                    <Table.Td>{activity.legalBasis}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{column('subjects')}</Table.Th>
                    <Table.Td>{activity.dataSubjects.join(', ')}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{column('data')}</Table.Th>
                    <Table.Td>
                      <List size="sm">
                        {activity.dataCategories.map((item) => (
                          <List.Item key={item}>{item}</List.Item>
                        ))}
                      </List>
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{column('recipients')}</Table.Th>
                    <Table.Td>
                      <List size="sm">
                        {activity.recipients.map((item) => (
                          <List.Item key={item}>{item}</List.Item>
                        ))}
                      </List>
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th scope="row">{column('retention')}</Table.Th>
                    <Table.Td>{activity.retention}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </ResponsiveTable>
            </Stack>
          ))}
          <Title order={3} fz="h5">
            {t('privacy.settings.retentionBasisTitle')}
          </Title>
          <List size="sm" spacing={4}>
            {records.data.retention.map((line) => (
              <List.Item key={line.category}>
                <strong>{line.label}</strong>: {line.basis}
              </List.Item>
            ))}
          </List>
          <Title order={3} fz="h5">
            {t('privacy.settings.measuresTitle')}
          </Title>
          <List size="sm" spacing={4}>
            {records.data.measures.map((measure) => (
              <List.Item key={measure}>{measure}</List.Item>
            ))}
          </List>
          <Title order={3} fz="h5">
            {t('privacy.settings.transfersTitle')}
          </Title>
          <Text size="sm">{records.data.transfers}</Text>
        </Stack>
      )}
    </Paper>
  );
}
