import { Anchor, Collapse, Group, List, Paper, Skeleton, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error.js';
import { PdfDownloadButton } from '../documents/pdf-download.js';
import { dataExportUrls, useRecordsOfProcessing } from './privacy-api.js';

/** How long each kind of data stays, as the records of processing say (loaded when opened). */
function RetentionList() {
  const records = useRecordsOfProcessing();
  if (records.isPending) return <Skeleton height={80} />;
  if (records.isError) return <QueryError error={records.error} onRetry={() => void records.refetch()} />;
  return (
    <List size="sm" spacing={4}>
      {records.data.retention.map((line) => (
        <List.Item key={line.category}>
          <strong>{line.label}</strong>: {line.basis}
        </List.Item>
      ))}
    </List>
  );
}

/** The profile's card to download everything Groeipad holds about oneself (GDPR art. 15), as JSON and as PDF. */
export function DataExportCard() {
  const { t } = useTranslation();
  const [retentionOpen, retention] = useDisclosure(false);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="data-export-heading">
      <Title order={2} fz="h4" id="data-export-heading">
        {t('privacy.export.title')}
      </Title>
      <Text size="sm" mt={4}>
        {t('privacy.export.intro')}
      </Text>
      <Text size="sm" c="dimmed" mt={4} mb="sm">
        {t('privacy.export.excluded')}
      </Text>
      <Group gap="sm">
        <PdfDownloadButton
          url={dataExportUrls.pdf}
          fallbackName="mijn-gegevens.pdf"
          label={t('privacy.export.pdfLabel')}
        >
          {t('privacy.export.pdf')}
        </PdfDownloadButton>
        <PdfDownloadButton
          url={dataExportUrls.json}
          fallbackName="mijn-gegevens.json"
          label={t('privacy.export.jsonLabel')}
        >
          {t('privacy.export.json')}
        </PdfDownloadButton>
      </Group>
      <Anchor
        component="button"
        type="button"
        size="sm"
        mt="md"
        onClick={retention.toggle}
        aria-expanded={retentionOpen}
        aria-controls="data-export-retention"
      >
        {t('privacy.export.retention')}
      </Anchor>
      <Collapse expanded={retentionOpen} id="data-export-retention" mt="xs">
        {retentionOpen && <RetentionList />}
      </Collapse>
    </Paper>
  );
}
