import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonStatus, Role } from '../../shared/roles.js';
import { roles as allRoles } from '../../shared/roles.js';

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const sorted = allRoles.filter((r) => roles.includes(r));
  return (
    <Group gap={4}>
      {sorted.map((role) => (
        <Badge
          key={role}
          variant="light"
          color={role === 'admin' ? 'grape' : role === 'hr' ? 'indigo' : 'gray'}
          size="sm"
        >
          {t(`roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}

export function StatusBadge({ status }: { status: PersonStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status === 'active' ? 'green' : 'gray'} size="sm">
      {t(`people.status.${status}`)}
    </Badge>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={active ? 'green' : 'gray'} size="sm">
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}
