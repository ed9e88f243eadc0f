import {
  Box,
  Button,
  Card,
  Collapse,
  Grid,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery, useMounted } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../shared/contracts/plans.js';
import { type GuideStep, guidePrompts, guideSteps } from '../../../shared/pop/guide.js';
import { type PlanParty, parties } from '../../../shared/pop/vocabulary.js';
import { api } from '../../api/client.js';
import { draftPrefix } from '../../components/drafts.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { AutosaveStatusLine, TextConflict } from './autosave-status.js';
import { partyName } from './plan-labels.js';
import { PreparationAnswers } from './preparation-tab.js';
import { TalkingPointsEditor } from './talking-points.js';
import { sameText, useAutosave } from './use-autosave.js';
import type { PlanCache } from './use-plan.js';

const tips = ['giveRoom', 'focus', 'ownership', 'safe', 'followUp'] as const;

interface TabProps {
  plan: PlanDetail;
  cache: PlanCache;
}

interface ConversationProps extends TabProps {
  onOpenGoals: () => void;
}

/** The POP-gesprek along the guide of seed 004: its steps and prompts, notes per step, both preparations at hand. */
export function ConversationTab({ plan, cache, onOpenGoals }: ConversationProps) {
  const { t } = useTranslation();
  const content = plan.content;
  if (!content) return null;
  return (
    <Stack gap="lg">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Text size="sm">{t('plan.conversation.intro')}</Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper p="sm" bg="gray.0" component="aside" aria-labelledby="tips-heading">
            <Text size="sm" fw={700} id="tips-heading">
              {t('plan.conversation.tipsTitle')}
            </Text>
            <List size="xs" spacing={2} mt={4}>
              {tips.map((tip) => (
                <List.Item key={tip}>{t(`pop.guide.tips.${tip}`)}</List.Item>
              ))}
            </List>
          </Paper>
        </Grid.Col>
      </Grid>
      {plan.preparations && plan.talkingPoints && <BothPreparations plan={plan} cache={cache} />}
      <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {guideSteps.map((step, index) => (
          <Card key={step} withBorder padding="lg" component="li" aria-labelledby={`step-${step}`}>
            <Title order={2} fz="h3" id={`step-${step}`}>
              {t('plan.conversation.stepTitle', { number: index + 1, title: t(`pop.guide.steps.${step}`) })}
            </Title>
            {step === 'planning' && (
              <Group gap="xs" mt={4}>
                <Text size="sm" c="dimmed">
                  {t('plan.conversation.planningHint')}
                </Text>
                <Button size="compact-sm" variant="light" onClick={onOpenGoals}>
                  {t('plan.conversation.toGoals')}
                </Button>
              </Group>
            )}
            <List size="sm" spacing={4} mt="sm" mb="md">
              {guidePrompts[step].map((prompt) => (
                <List.Item key={prompt}>
                  {t(`pop.guide.prompts.${step}.${prompt}` as 'pop.guide.prompts.start.howAreYou')}
                </List.Item>
              ))}
            </List>
            <StepNotes plan={plan} cache={cache} step={step} />
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

function StepNotes({ plan, cache, step }: TabProps & { step: GuideStep }) {
  const { t } = useTranslation();
  const notes = plan.content?.conversationNotes[step] ?? '';
  const editable = plan.permissions.canEditNotes;
  const label = t('plan.conversation.notes', { step: t(`pop.guide.steps.${step}`) });
  const autosave = useAutosave<string>({
    storageKey: `${draftPrefix}${plan.id}.${plan.myParty ?? 'hr'}.notes.${step}`,
    server: { value: notes, version: plan.version },
    enabled: editable,
    equals: sameText,
    save: async (text, version) => {
      const next = await api.plans.update(plan.id, { conversationNotes: { [step]: text }, version });
      cache.set(next);
      return { value: next.content?.conversationNotes[step] ?? '', version: next.version };
    },
    latest: async () => {
      const latest = await cache.fetchLatest();
      return { value: latest.content?.conversationNotes[step] ?? '', version: latest.version };
    },
  });
  if (!editable) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={notes ? undefined : 'dimmed'}>
          {notes || t('plan.conversation.noNotes')}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <GrowingTextarea
        label={label}
        value={autosave.value}
        onChange={(e) => autosave.change(e.currentTarget.value)}
        minRows={3}
        maxRows={14}
        disabled={autosave.conflict !== null}
      />
      {autosave.conflict && (
        <TextConflict
          label={label}
          mine={autosave.value}
          theirs={autosave.conflict.value}
          onChoose={(text) => autosave.resolve(text)}
        />
      )}
      <AutosaveStatusLine
        status={autosave.status}
        savedAt={autosave.savedAt}
        error={autosave.error}
        onRetry={() => void autosave.flush()}
      />
    </Stack>
  );
}

/** Both preparations side by side; on a phone they fold away behind one button. */
function BothPreparations({ plan, cache }: TabProps) {
  const { t } = useTranslation();
  const measured = useMounted();
  const wide = useMediaQuery('(min-width: 62em)');
  const [opened, setOpened] = useState<boolean | null>(null);
  // Until the screen is measured (the page as the server rendered it, and its hydration), CSS folds the
  // preparations away on a phone: neither a phone nor a wide screen sees them move after the first paint.
  const expanded = opened ?? (measured ? wide : null);
  const show = t('plan.conversation.showPreparations');
  const hide = t('plan.conversation.hidePreparations');
  return (
    <section aria-labelledby="both-preparations-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h3" id="both-preparations-heading">
          {t('plan.conversation.preparations')}
        </Title>
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() => setOpened(!(expanded ?? wide))}
          aria-expanded={expanded ?? undefined}
          aria-controls="both-preparations"
        >
          {expanded === null ? (
            <>
              <Box component="span" hiddenFrom="md">
                {show}
              </Box>
              <Box component="span" visibleFrom="md">
                {hide}
              </Box>
            </>
          ) : expanded ? (
            hide
          ) : (
            show
          )}
        </Button>
      </Group>
      <Box {...(expanded === null ? { visibleFrom: 'md' } : {})}>
        {/* Only a person's own choice folds with an animation; the screen's measure takes effect at once. */}
        <Collapse
          expanded={expanded ?? true}
          id="both-preparations"
          {...(opened === null ? { transitionDuration: 0 } : {})}
        >
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {parties.map((party) => (
              <PartyColumn key={party} plan={plan} cache={cache} party={party} />
            ))}
          </SimpleGrid>
        </Collapse>
      </Box>
    </section>
  );
}

function PartyColumn({ plan, cache, party }: TabProps & { party: PlanParty }) {
  const { t } = useTranslation();
  const [answersOpen, setAnswersOpen] = useState(false);
  const preparation = plan.preparations?.[party];
  const points = plan.talkingPoints?.[party] ?? [];
  const name = partyName(plan, party);
  const id = `answers-${party}`;
  return (
    <Paper withBorder p="md">
      <Title order={3} fz="h4">
        {t('plan.conversation.partyTitle', { party: t(`pop.parties.${party}`), name })}
      </Title>
      {preparation?.visible ? (
        <Stack gap="xs" mt="xs">
          <Text size="sm" fw={600}>
            {t('plan.points.title')}
          </Text>
          <TalkingPointsEditor plan={plan} party={party} points={points} editable={false} cache={cache} />
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => setAnswersOpen((o) => !o)}
            aria-expanded={answersOpen}
            aria-controls={id}
            style={{ alignSelf: 'flex-start' }}
          >
            {answersOpen ? t('plan.conversation.hideAnswers') : t('plan.conversation.showAnswers')}
          </Button>
          <Collapse expanded={answersOpen} id={id}>
            <PreparationAnswers preparation={preparation} />
          </Collapse>
        </Stack>
      ) : (
        <Text size="sm" mt="xs" c="dimmed">
          {t('plan.preparation.theirsHidden', { name })}
        </Text>
      )}
    </Paper>
  );
}
