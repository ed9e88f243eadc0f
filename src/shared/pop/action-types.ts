/**
 * The kinds of action (VTO(C)-maatregel) every organisation has; HR adds its own next to them. Formal learning is
 * organised by trainers away from the workplace, informal learning is tied to the work (federal training law).
 */
export const builtInActionTypes = [
  { key: 'course', isFormal: true },
  { key: 'training', isFormal: true },
  { key: 'education', isFormal: true },
  { key: 'external_coaching', isFormal: true },
  { key: 'internal_coaching', isFormal: false },
  { key: 'job_rotation', isFormal: false },
  { key: 'learning_network', isFormal: false },
  { key: 'on_the_job', isFormal: false },
  { key: 'self_study', isFormal: false },
  { key: 'other', isFormal: false },
] as const;

export type BuiltInActionType = (typeof builtInActionTypes)[number]['key'];

export const builtInActionTypeKeys: readonly string[] = builtInActionTypes.map((t) => t.key);

export const isBuiltInActionType = (key: string): key is BuiltInActionType =>
  builtInActionTypeKeys.includes(key);
