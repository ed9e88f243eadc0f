import { describe, expect, it } from 'vitest';
import { hasKey } from '../i18n/translate.js';
import { builtInActionTypes } from './action-types.js';
import { evaluationQuestions, followUpQuestions, guidePrompts, guideSteps } from './guide.js';
import { phases, planEvents } from './phases.js';
import { smartCriteria, smartHints } from './smart.js';
import {
  actionStatuses,
  evaluationResults,
  followUpStates,
  horizons,
  priorities,
  requesters,
  supportKinds,
  templateKinds,
} from './vocabulary.js';

/** Every word the web app shows for the POP has a label in both languages under `pop.*`. */
const keys = [
  ...phases.map((k) => `pop.phases.${k}`),
  ...planEvents.map((k) => `pop.events.${k}`),
  ...priorities.map((k) => `pop.priorities.${k}`),
  ...horizons.map((k) => `pop.horizons.${k}`),
  ...actionStatuses.map((k) => `pop.actionStatuses.${k}`),
  ...followUpStates.map((k) => `pop.followUpStates.${k}`),
  ...evaluationResults.map((k) => `pop.evaluationResults.${k}`),
  ...requesters.map((k) => `pop.requesters.${k}`),
  ...supportKinds.map((k) => `pop.support.${k}`),
  ...templateKinds.map((k) => `pop.templateKinds.${k}`),
  ...builtInActionTypes.map((t) => `pop.actionTypes.${t.key}`),
  ...smartCriteria.flatMap((k) => [`pop.smart.criteria.${k}`, `pop.smart.questions.${k}`]),
  ...smartHints.map((k) => `pop.smart.hints.${k}`),
  ...guideSteps.flatMap((step) => [
    `pop.guide.steps.${step}`,
    ...guidePrompts[step].map((p) => `pop.guide.prompts.${step}.${p}`),
  ]),
  ...followUpQuestions.map((k) => `pop.followUpQuestions.${k}`),
  ...evaluationQuestions.map((k) => `pop.evaluationQuestions.${k}`),
];

describe('POP labels', () => {
  it.each(['nl-BE', 'en'] as const)('are all there in %s', (locale) => {
    expect(keys.filter((key) => !hasKey(locale, key))).toEqual([]);
  });

  it('name no score or rating', () => {
    expect(keys.filter((k) => /score|rating/i.test(k))).toEqual([]);
  });
});
