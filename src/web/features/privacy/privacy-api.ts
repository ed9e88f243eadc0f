import { useQuery } from '@tanstack/react-query';
import type {
  ErasureInput,
  ErasureRecord,
  LegalHoldInput,
  PersonPrivacy,
  RecordsOfProcessing,
  RetentionSettingsView,
  UpdateRetentionInput,
} from '../../../shared/contracts/privacy.js';
import { request } from '../../api/client.js';

/** Where the server makes the two downloads of one's own data. */
export const dataExportUrls = {
  json: '/api/me/data-export.json',
  pdf: '/api/me/data-export.pdf',
};

/** The calls of this area: retention periods, the records of processing, a person's legal hold and erasure. */
export const privacyApi = {
  retention: () => request<RetentionSettingsView>('GET', '/api/organisation/retention'),
  saveRetention: (body: UpdateRetentionInput) =>
    request<RetentionSettingsView>('PUT', '/api/organisation/retention', body),
  recordsOfProcessing: () => request<RecordsOfProcessing>('GET', '/api/organisation/records-of-processing'),
  person: (personId: string) =>
    request<PersonPrivacy>('GET', `/api/people/${encodeURIComponent(personId)}/privacy`),
  setLegalHold: (personId: string, body: LegalHoldInput) =>
    request<PersonPrivacy>('PUT', `/api/people/${encodeURIComponent(personId)}/legal-hold`, body),
  erase: (personId: string, body: ErasureInput) =>
    request<ErasureRecord>('POST', `/api/people/${encodeURIComponent(personId)}/erasure`, body),
};

export const privacyKeys = {
  retention: ['privacy', 'retention'] as const,
  recordsOfProcessing: ['privacy', 'records-of-processing'] as const,
  person: (personId: string) => ['privacy', 'person', personId] as const,
};

export const useRetention = () =>
  useQuery({ queryKey: privacyKeys.retention, queryFn: privacyApi.retention });
export const useRecordsOfProcessing = () =>
  useQuery({ queryKey: privacyKeys.recordsOfProcessing, queryFn: privacyApi.recordsOfProcessing });
export const usePersonPrivacy = (personId: string) =>
  useQuery({ queryKey: privacyKeys.person(personId), queryFn: () => privacyApi.person(personId) });
