import type { z } from 'zod';
import type {
  LearningKind,
  TrainingPlan,
  TrainingPlanTask,
  trainingPlanSettingsResponse,
  UpdateTrainingPlanSettingsInput,
  UpdateTrainingPlanTaskInput,
} from '../../../shared/contracts/training-plan.js';
import { AppError, isErrorCode } from '../../../shared/errors.js';
import type { TrainingPlanTaskKey } from '../../../shared/pop/training-plan.js';
import { NetworkError, request } from '../../api/client.js';
import { currentLocale } from '../../i18n/i18n.js';

export interface TrainingPlanParams {
  year?: number;
  teamId?: string;
  functionId?: string;
  learning?: LearningKind;
}
export type TrainingPlanSettings = z.infer<typeof trainingPlanSettingsResponse>;

export const trainingPlanKeys = {
  all: ['training-plan'] as const,
  plan: (params: TrainingPlanParams) => ['training-plan', params] as const,
};

export function trainingPlanSearch(params: TrainingPlanParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const trainingPlanApi = {
  get: (params: TrainingPlanParams) =>
    request<TrainingPlan>('GET', `/api/training-plan${trainingPlanSearch(params)}`),
  updateTask: (year: number, key: TrainingPlanTaskKey, body: UpdateTrainingPlanTaskInput) =>
    request<TrainingPlanTask>('PUT', `/api/training-plan/tasks/${year}/${key}`, body),
  updateSettings: (body: UpdateTrainingPlanSettingsInput) =>
    request<TrainingPlanSettings>('PUT', '/api/training-plan/settings', body),
};

/** The file name the server chose (`filename*` first). */
export function fileNameOf(header: string | null, fallback: string): string {
  const extended = header ? /filename\*=UTF-8''([^;]+)/i.exec(header) : null;
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall back to the plain name
    }
  }
  return (header ? /filename="([^"]+)"/i.exec(header)?.[1] : undefined) ?? fallback;
}

/** Fetches a PDF, XLSX or CSV of the plan and hands it to the browser; failures come back as AppError. */
export async function downloadTrainingPlan(
  format: 'pdf' | 'xlsx' | 'csv',
  params: TrainingPlanParams,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`/api/training-plan/export.${format}${trainingPlanSearch(params)}`, {
      credentials: 'same-origin',
      headers: { 'accept-language': currentLocale() },
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    const code = body?.error?.code;
    const error = new AppError(
      code && isErrorCode(code) ? code : response.status === 403 ? 'FORBIDDEN' : 'INTERNAL',
    );
    if (body?.error?.message) error.message = body.error.message;
    throw error;
  }
  const fileName = fileNameOf(response.headers.get('content-disposition'), `training-plan.${format}`);
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return fileName;
}
