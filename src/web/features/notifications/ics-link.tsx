import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function CalendarIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" aria-hidden="true" focusable="false">
      <rect x="3.5" y="5" width="17" height="15" rx="2" stroke="currentColor" strokeWidth="1.8" />
      <path d="M3.5 10h17M8 3v4M16 3v4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

/**
 * A download of one event of a plan as an .ics file, for the plan's two parties: the conversation, a follow-up
 * (with its id and date) or the evaluation.
 */
export function IcsLink({
  planId,
  kind,
  followUp,
}: {
  planId: string;
  kind: 'conversation' | 'evaluation' | 'follow_up';
  followUp?: { id: string; date: string };
}) {
  const { t } = useTranslation();
  const path =
    kind === 'follow_up' && followUp
      ? `/api/plans/${encodeURIComponent(planId)}/events/follow-up/${encodeURIComponent(followUp.id)}.ics`
      : `/api/plans/${encodeURIComponent(planId)}/events/${kind}.ics`;
  const [y, m, d] = (followUp?.date ?? '').split('-');
  const label =
    kind === 'follow_up'
      ? t('notifications.ics.follow_up', { date: `${d}/${m}/${y}` })
      : t(`notifications.ics.${kind}`);
  return (
    <Button
      component="a"
      href={path}
      download
      size="compact-xs"
      variant="subtle"
      leftSection={<CalendarIcon />}
      aria-label={label}
      title={label}
    >
      {t('notifications.ics.download')}
    </Button>
  );
}
