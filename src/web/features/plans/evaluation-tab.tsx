import { Alert, Badge, Button, Card, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, PlanGoal } from '../../../shared/contracts/plans.js';
import { evaluationQuestions } from '../../../shared/pop/guide.js';
import { type EvaluationResult, evaluationResults, type PlanParty } from '../../../shared/pop/vocabulary.js';
import { api, isAppError, type VisibleEvaluation } from '../../api/client.js';
import { useMe } from '../../app/session.js';
import { AppModal } from '../../components/app-modal.js';
import { draftPrefix } from '../../components/drafts.js';
import { errorMessage } from '../../components/error-message.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { formatDateTime } from '../../i18n/format.js';
import { AutosaveTexts } from './autosave-texts.js';
import { PlanEventButtons } from './plan-events.js';
import { otherParty, partyName } from './plan-labels.js';
import { sameTexts, useAutosave } from './use-autosave.js';
import { type PlanCache, replaceEvaluation, replaceGoal } from './use-plan.js';

interface TabProps {
  plan: PlanDetail;
  cache: PlanCache;
}

export const resultColor: Record<EvaluationResult, string> = {
  reached: 'green',
  partly: 'orange',
  not_reached: 'gray',
};

const answersOf = (evaluation: VisibleEvaluation): Record<string, string> => ({
  goalsReached: evaluation.goalsReached ?? '',
  effectOnFunctioning: evaluation.effectOnFunctioning ?? '',
  effectOnCareer: evaluation.effectOnCareer ?? '',
});

/** Evaluatie: per goal reached or not, each party's answers to the three questions, then closing the POP. */
export function EvaluationTab({ plan, cache }: TabProps) {
  const { t } = useTranslation();
  const content = plan.content;
  if (!content) return null;
  const mine = plan.myParty;
  const closable = plan.phase === 'evaluation';
  return (
    <Stack gap="lg">
      <Text size="sm">{t('plan.evaluation.intro')}</Text>
      <section aria-labelledby="goal-results-heading">
        <Title order={2} fz="h3" id="goal-results-heading" mb="sm">
          {t('plan.evaluation.goalsTitle')}
        </Title>
        <Stack gap="sm">
          {content.goals.map((goal, index) => (
            <GoalResult key={goal.id} plan={plan} cache={cache} goal={goal} number={index + 1} />
          ))}
          {content.goals.length === 0 && <Text size="sm">{t('plan.goals.none')}</Text>}
        </Stack>
      </section>
      {mine && <MyEvaluation plan={plan} cache={cache} party={mine} />}
      {(['employee', 'manager'] as const)
        .filter((party) => party !== mine)
        .map((party) => (
          <OtherEvaluation key={party} plan={plan} party={party} />
        ))}
      {closable && (
        <Card withBorder padding="lg" component="section" aria-labelledby="close-heading">
          <Title order={2} fz="h3" id="close-heading">
            {t('plan.evaluation.closeTitle')}
          </Title>
          <Text size="sm" mt="xs" mb="sm">
            {plan.evaluationComplete ? t('plan.evaluation.closeReady') : t('plan.evaluation.closeWaiting')}
          </Text>
          <PlanEventButtons plan={plan} cache={cache} only={['close']} />
        </Card>
      )}
    </Stack>
  );
}

function GoalResult({ plan, cache, goal, number }: TabProps & { goal: PlanGoal; number: number }) {
  const { t } = useTranslation();
  const editable = plan.permissions.canSetGoalResults;
  const [result, setResult] = useState<EvaluationResult | null>(goal.evaluationResult);
  const [note, setNote] = useState(goal.evaluationNote ?? '');
  const save = useMutation({
    mutationFn: () =>
      api.goals.update(goal.id, {
        evaluationResult: result,
        evaluationNote: note.trim() || null,
        version: goal.version,
      }),
    onSuccess: (saved) => {
      cache.update((p) => replaceGoal(p, saved));
      notifySuccess(t, t('plan.evaluation.resultSaved', { title: saved.title }));
    },
    onError: (error) => {
      notifyError(t, error);
      if (isAppError(error, 'VERSION_CONFLICT')) void cache.refresh();
    },
  });
  const dirty = result !== goal.evaluationResult || note.trim() !== (goal.evaluationNote ?? '');
  const title = t('plan.goals.numbered', { number, title: goal.title });
  if (!editable) {
    return (
      <Paper withBorder p="md">
        <Group gap="xs">
          <Text fw={600} size="sm">
            {title}
          </Text>
          {goal.evaluationResult ? (
            <Badge variant="light" color={resultColor[goal.evaluationResult]}>
              {t(`pop.evaluationResults.${goal.evaluationResult}`)}
            </Badge>
          ) : (
            <Badge variant="light" color="gray">
              {t('plan.evaluation.noResult')}
            </Badge>
          )}
        </Group>
        {goal.evaluationNote && (
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
            {goal.evaluationNote}
          </Text>
        )}
      </Paper>
    );
  }
  // A group per goal, named after it: its result, note and save button belong together.
  const labelId = `goal-result-${goal.id}`;
  return (
    <Paper withBorder p="md" role="group" aria-labelledby={labelId}>
      <Stack gap="xs">
        <Radio.Group
          label={title}
          labelProps={{ id: labelId }}
          value={result ?? ''}
          onChange={(value) => setResult(value as EvaluationResult)}
        >
          <Group gap="md" mt={6}>
            {evaluationResults.map((r) => (
              <Radio key={r} value={r} label={t(`pop.evaluationResults.${r}`)} />
            ))}
          </Group>
        </Radio.Group>
        <GrowingTextarea
          label={t('plan.evaluation.goalNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          minRows={1}
          maxRows={6}
        />
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="outline"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            {t('plan.evaluation.saveResult')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function MyEvaluation({ plan, cache, party }: TabProps & { party: PlanParty }) {
  const { t } = useTranslation();
  const me = useMe();
  const [confirmOpened, confirm] = useDisclosure(false);
  const evaluation = plan.content?.evaluations[party];
  const visible = evaluation?.visible ? evaluation : null;
  const editable = plan.permissions.canEvaluate && visible !== null && visible.submittedAt === null;
  const autosave = useAutosave<Record<string, string>>({
    storageKey: `${draftPrefix}${plan.id}.${party}.evaluation`,
    server: visible ? { value: answersOf(visible), version: visible.version } : { value: {}, version: 0 },
    enabled: editable,
    equals: sameTexts,
    save: async (answers, version) => {
      const saved = await api.evaluations.save(plan.id, {
        goalsReached: answers.goalsReached?.trim() || null,
        effectOnFunctioning: answers.effectOnFunctioning?.trim() || null,
        effectOnCareer: answers.effectOnCareer?.trim() || null,
        version,
      });
      cache.update((p) => replaceEvaluation(p, saved));
      return { value: answersOf(saved), version: saved.version };
    },
    latest: async () => {
      const latest = (await cache.fetchLatest()).content?.evaluations[party];
      return latest?.visible ? { value: answersOf(latest), version: latest.version } : null;
    },
  });
  const submit = useMutation({
    mutationFn: async () => api.evaluations.submit(plan.id, await autosave.flush()),
    onSuccess: async (saved) => {
      cache.update((p) => replaceEvaluation(p, saved));
      await cache.refresh();
      confirm.close();
      notifySuccess(t, t('plan.evaluation.submitted'));
    },
  });
  if (!visible) return null;
  const fields = evaluationQuestions.map((q) => ({ key: q, label: t(`pop.evaluationQuestions.${q}`) }));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="my-evaluation-heading">
      <Group justify="space-between" gap="xs">
        <Title order={2} fz="h3" id="my-evaluation-heading">
          {t('plan.evaluation.mineTitle')}
        </Title>
        <Badge variant="light" color={visible.submittedAt ? 'green' : 'gray'}>
          {visible.submittedAt ? t('plan.evaluation.submittedBadge') : t('plan.evaluation.draftBadge')}
        </Badge>
      </Group>
      {editable ? (
        <Stack gap="md" mt="sm">
          <Text size="sm" c="dimmed">
            {t('plan.evaluation.mineIntro', { name: partyName(plan, otherParty(party)) })}
          </Text>
          <AutosaveTexts autosave={autosave} fields={fields} />
          <Group justify="flex-end">
            <Button onClick={confirm.open}>{t('plan.evaluation.submit')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm" mt="sm">
          {visible.submittedAt && (
            <Text size="sm" c="dimmed">
              {t('plan.evaluation.submittedOn', {
                date: formatDateTime(visible.submittedAt, me.organisation.timeZone),
              })}
            </Text>
          )}
          <Answers evaluation={visible} />
        </Stack>
      )}
      <AppModal opened={confirmOpened} onClose={confirm.close} title={t('plan.evaluation.confirmTitle')}>
        <Stack gap="sm">
          <Text size="sm">
            {t('plan.evaluation.confirmBody', { name: partyName(plan, otherParty(party)) })}
          </Text>
          {submit.isError && (
            <Alert color="red" role="alert">
              {errorMessage(submit.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              {t('common.cancel')}
            </Button>
            <Button loading={submit.isPending} onClick={() => submit.mutate()}>
              {t('plan.evaluation.submit')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Card>
  );
}

function Answers({ evaluation }: { evaluation: VisibleEvaluation }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {evaluationQuestions.map((q) => (
        <div key={q}>
          <Text size="sm" fw={600}>
            {t(`pop.evaluationQuestions.${q}`)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={evaluation[q] ? undefined : 'dimmed'}>
            {evaluation[q] || t('plan.preparation.noAnswer')}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

export function OtherEvaluation({ plan, party }: { plan: PlanDetail; party: PlanParty }) {
  const { t } = useTranslation();
  const me = useMe();
  const evaluation = plan.content?.evaluations[party];
  const name = partyName(plan, party);
  const id = `evaluation-${party}-heading`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} fz="h3" id={id}>
        {t('plan.evaluation.theirsTitle', { party: t(`pop.parties.${party}`), name })}
      </Title>
      {evaluation?.visible && evaluation.submittedAt ? (
        <Stack gap="sm" mt="sm">
          <Text size="sm" c="dimmed">
            {t('plan.evaluation.submittedOn', {
              date: formatDateTime(evaluation.submittedAt, me.organisation.timeZone),
            })}
          </Text>
          <Answers evaluation={evaluation} />
        </Stack>
      ) : (
        <Text size="sm" mt="sm" c="dimmed">
          {t('plan.evaluation.notSubmitted', { name })}
        </Text>
      )}
    </Card>
  );
}
