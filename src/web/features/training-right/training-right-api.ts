import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BalanceList,
  DayNormView,
  Deadlines,
  MyTrainingRight,
  SendStatementsResult,
  saveDayNormBody,
  TrainingRightSettings,
  updateTrainingRightSettingsBody,
} from '../../../shared/contracts/training-right.js';
import { AppError, type ErrorBody, isErrorCode } from '../../../shared/errors.js';
import { NetworkError, request } from '../../api/client.js';

export type UpdateSettingsInput = z.input<typeof updateTrainingRightSettingsBody>;
export type SaveNormInput = z.input<typeof saveDayNormBody>;

export interface BalanceParams {
  year: number;
  q?: string;
  teamId?: string;
  limit: number;
  offset: number;
}

function queryString(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const trainingRightApi = {
  settings: (year: number) =>
    request<TrainingRightSettings>('GET', `/api/training-right/settings?year=${year}`),
  updateSettings: (body: UpdateSettingsInput) =>
    request<TrainingRightSettings>('PUT', '/api/training-right/settings', body),
  saveNorm: (year: number, body: SaveNormInput) =>
    request<DayNormView>('PUT', `/api/training-right/norms/${year}`, body),
  deleteNorm: (year: number, version: number) =>
    request<{ ok: true }>('DELETE', `/api/training-right/norms/${year}?version=${version}`),
  balances: (params: BalanceParams) =>
    request<BalanceList>('GET', `/api/training-right/balances${queryString(params)}`),
  mine: (year?: number) =>
    request<MyTrainingRight>('GET', `/api/training-right/me${year ? `?year=${year}` : ''}`),
  sendStatements: (year: number) =>
    request<SendStatementsResult>('POST', '/api/training-right/statements', { year }),
  deadlines: (year: number) => request<Deadlines>('GET', `/api/training-right/deadlines?year=${year}`),
};

export const trainingRightKeys = {
  all: ['training-right'] as const,
  settings: (year: number) => ['training-right', 'settings', year] as const,
  balances: (params: BalanceParams) => ['training-right', 'balances', params] as const,
  mine: ['training-right', 'mine'] as const,
  deadlines: (year: number) => ['training-right', 'deadlines', year] as const,
};

export const useTrainingRightSettings = (year: number, enabled = true) =>
  useQuery({
    queryKey: trainingRightKeys.settings(year),
    queryFn: () => trainingRightApi.settings(year),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useBalances = (params: BalanceParams) =>
  useQuery({
    queryKey: trainingRightKeys.balances(params),
    queryFn: () => trainingRightApi.balances(params),
    placeholderData: keepPreviousData,
  });

export const useMyTrainingRight = (enabled: boolean) =>
  useQuery({ queryKey: trainingRightKeys.mine, queryFn: () => trainingRightApi.mine(), enabled });

export const useDeadlines = (year: number, enabled = true) =>
  useQuery({
    queryKey: trainingRightKeys.deadlines(year),
    queryFn: () => trainingRightApi.deadlines(year),
    placeholderData: keepPreviousData,
    enabled,
  });

/**
 * Downloads an export through fetch, so a refusal shows as a message instead of a broken file, and saves it under
 * the name the server gives. The session cookie goes along (same origin).
 */
export async function downloadExport(path: string, fallbackName: string, language: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { 'accept-language': language } });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
    const code = body?.error?.code;
    const error = new AppError(isErrorCode(code) ? code : 'INTERNAL');
    if (body?.error?.message) error.message = body.error.message;
    throw error;
  }
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}
