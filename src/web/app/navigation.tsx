import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Capabilities } from '../../shared/policies.js';
import type { Role } from '../../shared/roles.js';
import { useMe } from './session.js';

interface NavItem {
  to: string;
  label: string;
  /** Also active on deeper paths (e.g. /people/123). */
  nested?: boolean;
}

interface NavSection {
  label?: string;
  items: NavItem[];
}

function useSections(capabilities: Capabilities, roles: readonly Role[]): NavSection[] {
  const { t } = useTranslation();
  const country = useMe().organisation.country;
  const sections: NavSection[] = [{ items: [{ to: '/', label: t('nav.home') }] }];
  if (capabilities.viewTeam) sections[0]?.items.push({ to: '/team', label: t('nav.team') });
  // The capabilities of /api/auth/me name no POP pages yet: HR's follow from the role.
  if (roles.includes('hr')) {
    sections.push({
      label: t('nav.popSection'),
      items: [
        { to: '/cycles', label: t('nav.cycles') },
        // HR reaches the team view here; a manager already has "Mijn team" at the top.
        ...(capabilities.viewTeam ? [] : [{ to: '/team', label: t('teamView.nav') }]),
        { to: '/templates', label: t('nav.templates') },
        { to: '/action-types', label: t('nav.actionTypes') },
        { to: '/training-plan', label: t('trainingPlan.nav') },
      ],
    });
  }
  if (capabilities.managePeople || capabilities.manageStructure) {
    const items: NavItem[] = [];
    if (capabilities.managePeople) items.push({ to: '/people', label: t('nav.people'), nested: true });
    if (capabilities.manageStructure) {
      items.push({ to: '/teams', label: t('nav.teams') });
      items.push({ to: '/functions', label: t('nav.functions') });
      items.push({ to: '/competencies', label: t('nav.competencies') });
    }
    if (capabilities.managePeople) items.push({ to: '/import', label: t('nav.import') });
    sections.push({ label: t('nav.organisation'), items });
  }
  if (capabilities.manageOrganisation || capabilities.viewOutbox) {
    const items: NavItem[] = [];
    if (capabilities.manageOrganisation) items.push({ to: '/settings', label: t('nav.settings') });
    if (capabilities.viewOutbox) items.push({ to: '/settings/outbox', label: t('nav.outbox') });
    // The audit log: the beheerder (the same capability as the organisation's settings).
    if (capabilities.manageOrganisation) items.push({ to: '/settings/audit', label: t('audit.nav') });
    // Retention periods and the records of processing: the beheerder.
    if (capabilities.manageOrganisation) items.push({ to: '/settings/privacy', label: t('privacy.nav') });
    sections.push({ label: t('nav.settingsSection'), items });
  }
  // Belgium only: the training right (HR finds it with the POP pages; a manager or beheerder at the top).
  if (country === 'BE' && roles.some((role) => role === 'hr' || role === 'admin' || role === 'manager')) {
    const pop = roles.includes('hr') ? sections.find((s) => s.label === t('nav.popSection')) : undefined;
    (pop ?? sections[0])?.items.push({ to: '/training-right', label: t('trainingRight.nav') });
  }
  // Budgets: HR with the POP pages; a manager, for the teams they lead, at the top.
  const budgets = { to: '/budgets', label: t('budgets.nav') };
  if (roles.includes('hr')) sections.find((s) => s.label === t('nav.popSection'))?.items.push(budgets);
  else if (capabilities.viewTeam) sections[0]?.items.push(budgets);
  sections.push({ items: [{ to: '/profile', label: t('nav.profile') }] });
  return sections;
}

export function Navigation({
  capabilities,
  roles,
  onNavigate,
}: {
  capabilities: Capabilities;
  roles: readonly Role[];
  onNavigate: () => void;
}) {
  const location = useLocation();
  const sections = useSections(capabilities, roles);
  const isActive = (item: NavItem) =>
    location.pathname === item.to || (!!item.nested && location.pathname.startsWith(`${item.to}/`));
  return (
    <Stack gap="md">
      {sections.map((section, index) => (
        <Stack key={section.label ?? `section-${index}`} gap={2}>
          {section.label && (
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pb={4}>
              {section.label}
            </Text>
          )}
          {section.items.map((item) => {
            const active = isActive(item);
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={onNavigate}
              />
            );
          })}
        </Stack>
      ))}
    </Stack>
  );
}
