import { Badge, Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Phase } from '../../../shared/pop/phases.js';
import { phaseColor, phaseOrder } from './plan-labels.js';

interface PlanFlags {
  phase: Phase;
  cancelled: boolean;
  disputed: boolean;
  revisionOpen: boolean;
}

/** The phase of a plan, and whatever holds it up ("gezien, niet akkoord", an open revision, stopped). */
export function PlanBadges({ plan, size = 'sm' }: { plan: PlanFlags; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge variant="light" color={plan.cancelled ? 'gray' : phaseColor[plan.phase]} size={size}>
        {plan.cancelled ? t('plan.cancelled') : t(`pop.phases.${plan.phase}`)}
      </Badge>
      {plan.disputed && (
        <Badge variant="light" color="red" size={size}>
          {t('pop.events.record_disagreement')}
        </Badge>
      )}
      {plan.revisionOpen && (
        <Badge variant="light" color="orange" size={size}>
          {t('plan.revisionOpen')}
        </Badge>
      )}
    </Group>
  );
}

/** Voorbereiding → POP-gesprek → uitvoering → evaluatie → afgesloten, with the current phase marked. */
export function PhaseStepper({ phase, cancelled }: { phase: Phase; cancelled: boolean }) {
  const { t } = useTranslation();
  const current = phaseOrder.indexOf(phase);
  return (
    <Box
      component="ol"
      aria-label={t('plan.stepperLabel')}
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        gap: '0.25rem 0.5rem',
        listStyle: 'none',
        padding: 0,
        margin: 0,
      }}
    >
      {phaseOrder.map((step, index) => {
        const done = index < current || (step === 'closed' && phase === 'closed');
        const active = index === current;
        return (
          <Box
            component="li"
            key={step}
            aria-current={active ? 'step' : undefined}
            style={{ display: 'flex', alignItems: 'center', gap: '0.375rem' }}
          >
            <Box
              aria-hidden="true"
              style={{
                width: 26,
                height: 26,
                borderRadius: '50%',
                display: 'grid',
                placeItems: 'center',
                fontSize: 13,
                fontWeight: 700,
                color: active || done ? 'white' : 'var(--mantine-color-gray-8)',
                background: active
                  ? 'var(--mantine-color-groeipad-8)'
                  : done
                    ? 'var(--mantine-color-groeipad-9)'
                    : 'var(--mantine-color-gray-2)',
              }}
            >
              {done && !active ? '✓' : index + 1}
            </Box>
            <Text size="sm" fw={active ? 700 : 400} c={active ? undefined : 'dimmed'}>
              {step === 'closed' && cancelled ? t('plan.cancelled') : t(`pop.phases.${step}`)}
              {done && !active && <VisuallyHidden>{t('plan.stepDone')}</VisuallyHidden>}
            </Text>
            {index < phaseOrder.length - 1 && (
              <Text span c="dimmed" aria-hidden="true" visibleFrom="xs">
                →
              </Text>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
