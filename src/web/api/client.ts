import type { z } from 'zod';
import type {
  changePasswordBody,
  loginBody,
  Me,
  passwordResetRequestBody,
  setPasswordWithTokenBody,
  tokenInfoResponse,
  updateMeBody,
} from '../../shared/contracts/auth.js';
import type {
  Competency,
  createCompetencyBody,
  createJobFunctionBody,
  createPersonBody,
  createTeamBody,
  csvUploadBody,
  ImportJob,
  ImportPreview,
  invitePersonResponse,
  JobFunction,
  Organisation,
  outboxResponse,
  Person,
  personListResponse,
  Team,
  updateCompetencyBody,
  updateJobFunctionBody,
  updateOrganisationBody,
  updatePersonBody,
  updateTeamBody,
} from '../../shared/contracts/organisation.js';
import type {
  actionProgressBody,
  BatchPlansInput,
  BatchPlansResult,
  CreateActionInput,
  CreateGoalInput,
  CreatePlanInput,
  carryOverResponse,
  FollowUp,
  PlanAction,
  PlanDetail,
  PlanEventInput,
  PlanGoal,
  planDiffResponse,
  planListQuery,
  planListResponse,
  planVersionResponse,
  requestPlanBody,
  SaveEvaluationInput,
  TalkingPoint,
  UpdateActionInput,
  UpdateFollowUpInput,
  UpdateGoalInput,
  UpdatePlanInput,
  updateTalkingPointBody,
  VisiblePreparation,
  visibleEvaluation,
} from '../../shared/contracts/plans.js';
import type { SetupBody, setupStatusResponse } from '../../shared/contracts/system.js';
import type {
  ActionType,
  createActionTypeBody,
  createTemplateBody,
  PreparationTemplate,
  templateAssignmentsBody,
  templateListResponse,
  updateActionTypeBody,
  updateTemplateBody,
} from '../../shared/contracts/templates.js';
import { AppError, type ErrorBody, isErrorCode } from '../../shared/errors.js';
import type { PersonStatus } from '../../shared/roles.js';

/** The server could not be reached at all (offline, server down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('NETWORK', { cause });
    this.name = 'NetworkError';
  }
}

let csrfToken: string | null = null;
/** A page the server rendered for someone signed in leaves the token out: it is asked for before the first change. */
let tokenDeferred = false;
let requestLanguage = 'nl-BE';

/** Every answer that signs someone in carries the token that later state-changing requests must send. */
export function rememberSession(me: Me | null): void {
  csrfToken = me?.csrfToken || null;
  tokenDeferred = false;
}

/** The page was rendered by the server for someone signed in: the session's token is not in it. */
export function deferSessionToken(): void {
  tokenDeferred = true;
}

/** The language the server answers in (error and field messages) while nobody is signed in. */
export function setRequestLanguage(language: string): void {
  requestLanguage = language;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function toAppError(status: number, body: unknown): AppError {
  const error = (body as Partial<ErrorBody> | null)?.error;
  if (!error || !isErrorCode(error.code)) {
    return new AppError(status >= 500 ? 'INTERNAL' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST');
  }
  const appError = new AppError(error.code, {
    ...(error.fields ? { fields: error.fields } : {}),
    ...(error.currentVersion !== undefined ? { currentVersion: error.currentVersion } : {}),
    ...(error.current !== undefined ? { current: error.current } : {}),
    ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  });
  if (typeof error.message === 'string' && error.message) appError.message = error.message;
  return appError;
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': requestLanguage };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && tokenDeferred) await getMeOrNull();
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) throw toAppError(response.status, parsed);
  return parsed as T;
}

const get = <T>(path: string) => request<T>('GET', path);
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {});
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
const remove = (path: string, version: number) =>
  request<{ ok: true }>('DELETE', `${path}?version=${encodeURIComponent(version)}`);
const segment = (value: string) => encodeURIComponent(value);

function withSession(promise: Promise<Me>): Promise<Me> {
  return promise.then((me) => {
    rememberSession(me);
    return me;
  });
}

export type SetupStatus = z.infer<typeof setupStatusResponse>;
export type TokenInfo = z.infer<typeof tokenInfoResponse>;
export type LoginInput = z.input<typeof loginBody>;
export type ChangePasswordInput = z.input<typeof changePasswordBody>;
export type UpdateMeInput = z.input<typeof updateMeBody>;
export type UpdateOrganisationInput = z.input<typeof updateOrganisationBody>;
export type CreateTeamInput = z.input<typeof createTeamBody>;
export type UpdateTeamInput = z.input<typeof updateTeamBody>;
export type CreateJobFunctionInput = z.input<typeof createJobFunctionBody>;
export type UpdateJobFunctionInput = z.input<typeof updateJobFunctionBody>;
export type CreateCompetencyInput = z.input<typeof createCompetencyBody>;
export type UpdateCompetencyInput = z.input<typeof updateCompetencyBody>;
export type CreatePersonInput = z.input<typeof createPersonBody>;
export type UpdatePersonInput = z.input<typeof updatePersonBody>;
export type CsvUploadInput = z.input<typeof csvUploadBody>;
export type PersonList = z.infer<typeof personListResponse>;
export type Outbox = z.infer<typeof outboxResponse>;
export type OutboxMessage = Outbox['items'][number];
export type InvitationResult = z.infer<typeof invitePersonResponse>;
export type PlanList = z.infer<typeof planListResponse>;
export type PlanListParams = Partial<z.input<typeof planListQuery>>;
export type RequestPlanInput = z.input<typeof requestPlanBody>;
export type PlanVersion = z.infer<typeof planVersionResponse>;
export type PlanDiff = z.infer<typeof planDiffResponse>;
export type CarryOverOptions = z.infer<typeof carryOverResponse>;
export type ActionProgressInput = z.input<typeof actionProgressBody>;
export type UpdateTalkingPointInput = z.input<typeof updateTalkingPointBody>;
export type VisibleEvaluation = z.infer<typeof visibleEvaluation>;
export type TemplateList = z.infer<typeof templateListResponse>;
export type CreateTemplateInput = z.input<typeof createTemplateBody>;
export type UpdateTemplateInput = z.input<typeof updateTemplateBody>;
export type TemplateAssignmentsInput = z.input<typeof templateAssignmentsBody>;
export type CreateActionTypeInput = z.input<typeof createActionTypeBody>;
export type UpdateActionTypeInput = z.input<typeof updateActionTypeBody>;

export interface PersonListParams {
  q?: string;
  teamId?: string;
  status?: PersonStatus | 'all';
  limit?: number;
  offset?: number;
}

function queryString(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Answers `null` instead of failing when nobody is signed in. */
async function getMeOrNull(): Promise<Me | null> {
  try {
    return await withSession(get<Me>('/api/auth/me'));
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNAUTHENTICATED') {
      rememberSession(null);
      return null;
    }
    throw error;
  }
}

export const api = {
  setup: {
    status: () => get<SetupStatus>('/api/setup'),
    run: (body: SetupBody) => withSession(post<Me>('/api/setup', body)),
  },
  auth: {
    me: getMeOrNull,
    login: (body: LoginInput) => withSession(post<Me>('/api/auth/login', body)),
    logout: () => post<{ ok: true }>('/api/auth/logout').finally(() => rememberSession(null)),
    updateMe: (body: UpdateMeInput) => withSession(patch<Me>('/api/auth/me', body)),
    changePassword: (body: ChangePasswordInput) => withSession(post<Me>('/api/auth/password', body)),
    requestPasswordReset: (body: z.input<typeof passwordResetRequestBody>) =>
      post<{ ok: true }>('/api/auth/password-reset', body),
    tokenInfo: (token: string) => get<TokenInfo>(`/api/auth/tokens/${segment(token)}`),
    setPasswordWithToken: (body: z.input<typeof setPasswordWithTokenBody>) =>
      withSession(post<Me>('/api/auth/tokens', body)),
  },
  organisation: {
    get: () => get<Organisation>('/api/organisation'),
    update: (body: UpdateOrganisationInput) => patch<Organisation>('/api/organisation', body),
  },
  teams: {
    list: () => get<{ items: Team[] }>('/api/teams'),
    get: (id: string) => get<Team>(`/api/teams/${segment(id)}`),
    create: (body: CreateTeamInput) => post<Team>('/api/teams', body),
    update: (id: string, body: UpdateTeamInput) => patch<Team>(`/api/teams/${segment(id)}`, body),
  },
  functions: {
    list: () => get<{ items: JobFunction[] }>('/api/functions'),
    get: (id: string) => get<JobFunction>(`/api/functions/${segment(id)}`),
    create: (body: CreateJobFunctionInput) => post<JobFunction>('/api/functions', body),
    update: (id: string, body: UpdateJobFunctionInput) =>
      patch<JobFunction>(`/api/functions/${segment(id)}`, body),
  },
  competencies: {
    list: () => get<{ items: Competency[] }>('/api/competencies'),
    get: (id: string) => get<Competency>(`/api/competencies/${segment(id)}`),
    create: (body: CreateCompetencyInput) => post<Competency>('/api/competencies', body),
    update: (id: string, body: UpdateCompetencyInput) =>
      patch<Competency>(`/api/competencies/${segment(id)}`, body),
    importPreview: (body: CsvUploadInput) => post<ImportPreview>('/api/competencies/import/preview', body),
    import: (body: CsvUploadInput) => post<ImportJob>('/api/competencies/import', body),
  },
  people: {
    list: (params: PersonListParams = {}) => get<PersonList>(`/api/people${queryString(params)}`),
    get: (id: string) => get<Person>(`/api/people/${segment(id)}`),
    create: (body: CreatePersonInput) => post<Person>('/api/people', body),
    update: (id: string, body: UpdatePersonInput) => patch<Person>(`/api/people/${segment(id)}`, body),
    invite: (id: string) => post<InvitationResult>(`/api/people/${segment(id)}/invitation`),
    importPreview: (body: CsvUploadInput) => post<ImportPreview>('/api/people/import/preview', body),
    import: (body: CsvUploadInput) => post<ImportJob>('/api/people/import', body),
  },
  imports: {
    get: (jobId: string) => get<ImportJob>(`/api/imports/${segment(jobId)}`),
  },
  admin: {
    outbox: () => get<Outbox>('/api/admin/outbox'),
  },
  plans: {
    list: (params: PlanListParams = {}) => get<PlanList>(`/api/plans${queryString(params)}`),
    get: (id: string) => get<PlanDetail>(`/api/plans/${segment(id)}`),
    create: (body: CreatePlanInput) => post<PlanDetail>('/api/plans', body),
    request: (body: RequestPlanInput) => post<PlanDetail>('/api/plans/requests', body),
    batch: (body: BatchPlansInput) => post<BatchPlansResult>('/api/plans/batch', body),
    update: (id: string, body: UpdatePlanInput) => patch<PlanDetail>(`/api/plans/${segment(id)}`, body),
    fire: (id: string, body: PlanEventInput) => post<PlanDetail>(`/api/plans/${segment(id)}/events`, body),
    version: (id: string, number: number) => get<PlanVersion>(`/api/plans/${segment(id)}/versions/${number}`),
    diff: (id: string, a: number, b: number) =>
      get<PlanDiff>(`/api/plans/${segment(id)}/versions/${a}/diff/${b}`),
    carryOver: (id: string) => get<CarryOverOptions>(`/api/plans/${segment(id)}/carry-over`),
  },
  preparations: {
    save: (planId: string, body: { answers: Record<string, string>; version: number }) =>
      put<VisiblePreparation>(`/api/plans/${segment(planId)}/preparations/mine`, body),
    share: (planId: string, version: number) =>
      post<VisiblePreparation>(`/api/plans/${segment(planId)}/preparations/mine/share`, { version }),
    addPoint: (planId: string, text: string) =>
      post<TalkingPoint>(`/api/plans/${segment(planId)}/talking-points`, { text }),
    updatePoint: (planId: string, pointId: string, body: UpdateTalkingPointInput) =>
      patch<TalkingPoint>(`/api/plans/${segment(planId)}/talking-points/${segment(pointId)}`, body),
    removePoint: (planId: string, pointId: string, version: number) =>
      remove(`/api/plans/${segment(planId)}/talking-points/${segment(pointId)}`, version),
  },
  goals: {
    create: (planId: string, body: CreateGoalInput) =>
      post<PlanGoal>(`/api/plans/${segment(planId)}/goals`, body),
    update: (id: string, body: UpdateGoalInput) => patch<PlanGoal>(`/api/goals/${segment(id)}`, body),
    remove: (id: string, version: number) => remove(`/api/goals/${segment(id)}`, version),
  },
  actions: {
    create: (goalId: string, body: CreateActionInput) =>
      post<PlanAction>(`/api/goals/${segment(goalId)}/actions`, body),
    update: (id: string, body: UpdateActionInput) => patch<PlanAction>(`/api/actions/${segment(id)}`, body),
    remove: (id: string, version: number) => remove(`/api/actions/${segment(id)}`, version),
    progress: (id: string, body: ActionProgressInput) =>
      patch<PlanAction>(`/api/actions/${segment(id)}/progress`, body),
    comment: (id: string, text: string) => post<PlanAction>(`/api/actions/${segment(id)}/comments`, { text }),
  },
  followUps: {
    create: (planId: string, plannedDate: string) =>
      post<FollowUp>(`/api/plans/${segment(planId)}/follow-ups`, { plannedDate }),
    update: (id: string, body: UpdateFollowUpInput) =>
      patch<FollowUp>(`/api/follow-ups/${segment(id)}`, body),
    remove: (id: string, version: number) => remove(`/api/follow-ups/${segment(id)}`, version),
  },
  evaluations: {
    save: (planId: string, body: SaveEvaluationInput) =>
      put<VisibleEvaluation>(`/api/plans/${segment(planId)}/evaluations/mine`, body),
    submit: (planId: string, version: number) =>
      post<VisibleEvaluation>(`/api/plans/${segment(planId)}/evaluations/mine/submit`, { version }),
  },
  templates: {
    list: () => get<TemplateList>('/api/templates'),
    get: (id: string) => get<PreparationTemplate>(`/api/templates/${segment(id)}`),
    create: (body: CreateTemplateInput) => post<PreparationTemplate>('/api/templates', body),
    update: (id: string, body: UpdateTemplateInput) =>
      patch<PreparationTemplate>(`/api/templates/${segment(id)}`, body),
    assign: (body: TemplateAssignmentsInput) => put<TemplateList>('/api/templates/assignments', body),
  },
  actionTypes: {
    list: () => get<{ items: ActionType[] }>('/api/action-types'),
    create: (body: CreateActionTypeInput) => post<ActionType>('/api/action-types', body),
    update: (id: string, body: UpdateActionTypeInput) =>
      patch<ActionType>(`/api/action-types/${segment(id)}`, body),
  },
};

export const isAppError = (error: unknown, code?: AppError['code']): error is AppError =>
  error instanceof AppError && (code === undefined || error.code === code);
