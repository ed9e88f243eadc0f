import { z } from 'zod';
import { parties, templateKinds } from '../pop/vocabulary.js';
import { id, multilineText, optionalText, text, version } from './common.js';

/** Preparation templates (voorbereidingsformulieren) and the kinds of action HR adds. */
export const templateQuestionResponse = z.object({
  id,
  position: z.number(),
  prompt: z.string(),
  help: z.string().nullable(),
});

export const templateResponse = z.object({
  id,
  party: z.enum(parties),
  kind: z.enum(templateKinds),
  name: z.string(),
  description: z.string().nullable(),
  isDefault: z.boolean(),
  /** One of the templates Groeipad ships (from the seed texts), possibly reworded since. */
  builtIn: z.boolean(),
  active: z.boolean(),
  questions: z.array(templateQuestionResponse),
  version: z.number(),
});
export type PreparationTemplate = z.infer<typeof templateResponse>;

export const templateAssignmentResponse = z.object({
  id,
  templateId: id,
  party: z.enum(parties),
  teamId: id.nullable(),
  functionId: id.nullable(),
});

export const templateListResponse = z.object({
  items: z.array(templateResponse),
  assignments: z.array(templateAssignmentResponse),
});

const questionInput = { prompt: multilineText(1000), help: optionalText(2000) };

export const createTemplateBody = z.strictObject({
  party: z.enum(parties),
  kind: z.enum(templateKinds),
  name: text(200),
  description: optionalText(4000),
  questions: z.array(z.strictObject(questionInput)).max(100),
});

/** `questions` is the full ordered list: an `id` keeps (and may reword) a question, no `id` adds one. */
export const updateTemplateBody = z.strictObject({
  name: text(200).optional(),
  description: optionalText(4000),
  isDefault: z.literal(true).optional(),
  active: z.boolean().optional(),
  questions: z
    .array(z.strictObject({ id: id.optional(), ...questionInput }))
    .max(100)
    .optional(),
  version,
});

/** Which template applies to a team or a function, per party; the list replaces the current one. */
export const templateAssignmentsBody = z.strictObject({
  assignments: z
    .array(
      z.strictObject({
        templateId: id,
        teamId: id.nullable().optional(),
        functionId: id.nullable().optional(),
      }),
    )
    .max(2000),
});

export const actionTypeResponse = z.object({
  key: z.string(),
  builtIn: z.boolean(),
  id: id.nullable(),
  /** The name in the caller's language. */
  label: z.string(),
  nameNl: z.string(),
  nameEn: z.string().nullable(),
  isFormal: z.boolean(),
  /** Belgium: whether actions of this kind count toward the training right by default (Vlaams opleidingsverlof does not). */
  countsForTrainingRight: z.boolean(),
  active: z.boolean(),
  position: z.number(),
  version: z.number().nullable(),
});
export type ActionType = z.infer<typeof actionTypeResponse>;
export const actionTypeListResponse = z.object({ items: z.array(actionTypeResponse) });

export const createActionTypeBody = z.strictObject({
  nameNl: text(120),
  nameEn: text(120).nullable().optional(),
  isFormal: z.boolean().optional(),
  countsForTrainingRight: z.boolean().optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
export const updateActionTypeBody = z.strictObject({
  nameNl: text(120).optional(),
  nameEn: text(120).nullable().optional(),
  isFormal: z.boolean().optional(),
  countsForTrainingRight: z.boolean().optional(),
  active: z.boolean().optional(),
  position: z.number().int().min(0).max(1000).optional(),
  version,
});
