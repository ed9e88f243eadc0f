import {
  Anchor,
  Badge,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyTrainingRight } from '../../../shared/contracts/training-right.js';
import { useMe } from '../../app/session.js';
import { QueryError } from '../../components/query-error.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useMyTrainingRight } from './training-right-api.js';

function Figure({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={strong ? 'xl' : 'lg'} fw={strong ? 700 : 600}>
        {value}
      </Text>
    </div>
  );
}

function Body({ data }: { data: MyTrainingRight }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const b = data.balance;
  const days = (value: number) => t('trainingRight.mine.days', { days: n(value) });
  if (data.sizeBand === 'under_10' && b.available === 0 && data.trainings.length === 0)
    return <Text size="sm">{t('trainingRight.mine.none')}</Text>;
  const followedShare = b.available > 0 ? Math.min(100, (b.followed / b.available) * 100) : 0;
  const plannedShare = b.available > 0 ? Math.min(100 - followedShare, (b.planned / b.available) * 100) : 0;
  return (
    <Stack gap="md">
      {b.months === 0 ? (
        <Text size="sm">{t('trainingRight.mine.notEmployed', { year: data.year })}</Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: b.carriedOver > 0 ? 5 : 4 }} spacing="sm">
            <Figure label={t('trainingRight.mine.entitlement')} value={days(b.entitlement)} />
            {b.carriedOver > 0 && (
              <Figure label={t('trainingRight.mine.carriedOver')} value={days(b.carriedOver)} />
            )}
            <Figure label={t('trainingRight.mine.followed')} value={days(b.followed)} />
            <Figure label={t('trainingRight.mine.planned')} value={days(b.planned)} />
            <Figure label={t('trainingRight.mine.remaining')} value={days(Math.max(0, b.remaining))} strong />
          </SimpleGrid>
          {b.available > 0 && (
            <Progress.Root size="lg">
              <Progress.Section
                value={followedShare}
                color="groeipad.7"
                aria-label={t('trainingRight.mine.followed')}
              />
              <Progress.Section
                value={plannedShare}
                color="groeipad.3"
                aria-label={t('trainingRight.mine.planned')}
              />
            </Progress.Root>
          )}
          <Text size="sm" c="dimmed">
            {[
              t('trainingRight.mine.progress', { followed: n(b.followed), available: n(b.available) }),
              b.remaining < 0
                ? t('trainingRight.mine.extra', { days: n(-b.remaining) })
                : data.carryOver
                  ? b.lapsingAtYearEnd > 0
                    ? t('trainingRight.mine.lapsing', { days: n(b.lapsingAtYearEnd) })
                    : t('trainingRight.mine.lapseOn')
                  : t('trainingRight.mine.lapseOff'),
            ].join(' · ')}
          </Text>
        </>
      )}
      <div>
        <Title order={3} fz="h5" mb={4}>
          {t('trainingRight.mine.trainingsTitle', { year: data.year })}
        </Title>
        {data.trainings.length === 0 ? (
          <Text size="sm">{t('trainingRight.mine.trainingsEmpty', { year: data.year })}</Text>
        ) : (
          <List spacing={6} size="sm">
            {data.trainings.map((training) => (
              <List.Item key={training.id}>
                <Group gap={6} wrap="wrap">
                  <Anchor component={Link} to={`/plans/${training.planId}`} size="sm">
                    {training.description}
                  </Anchor>
                  <Text span size="sm" c="dimmed">
                    {[
                      training.typeLabel,
                      t(`pop.actionStatuses.${training.status}`),
                      training.start ? formatDate(training.start) : null,
                      training.days === null
                        ? t('trainingRight.mine.noHours')
                        : t('trainingRight.mine.trainingDays', { days: n(training.days) }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  {!training.counts && (
                    <Badge
                      size="sm"
                      variant="light"
                      color="gray"
                      title={t('trainingRight.mine.notCountingHint')}
                    >
                      {t('trainingRight.mine.notCounting')}
                    </Badge>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </Stack>
  );
}

/** "Mijn opleidingsdagen" on the home page: only in organisations in Belgium, where the training right exists. */
export function MyTrainingDaysCard() {
  const { t } = useTranslation();
  const me = useMe();
  const isBelgian = me.organisation.country === 'BE';
  const mine = useMyTrainingRight(isBelgian);
  if (!isBelgian) return null;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="training-days-heading">
      <Title order={2} fz="h3" id="training-days-heading">
        {t('trainingRight.mine.title', { year: mine.data?.year ?? new Date().getFullYear() })}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('trainingRight.mine.intro')}
      </Text>
      {mine.isPending && <Skeleton height={90} />}
      {mine.isError && <QueryError error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.isSuccess && <Body data={mine.data} />}
    </Paper>
  );
}
