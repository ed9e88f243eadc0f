import {
  Anchor,
  Badge,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamView, TeamViewTheme } from '../../../shared/contracts/team-view.js';
import { isBuiltInActionType } from '../../../shared/pop/action-types.js';
import { ResponsiveTable } from '../../components/table-scroll.js';

type Matrix = TeamView['matrix'];

/** The names stay in view while the competencies scroll sideways (on a phone). */
const stickyColumn = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
} as const;
type Cell = Matrix['rows'][number]['cells'][number];

function cellSummary(cell: Cell, t: TFunction): string {
  if (cell.goals === null) return t('teamView.needs.cellHidden');
  if (cell.goals === 0 && (cell.actions ?? 0) === 0) return t('teamView.needs.cellNone');
  const parts = [t('teamView.needs.cellGoals', { count: cell.goals })];
  if ((cell.actions ?? 0) > 0) parts.push(t('teamView.needs.cellActions', { count: cell.actions ?? 0 }));
  return parts.join(' · ');
}

function MatrixCell({
  cell,
  personName,
  competency,
  planId,
}: {
  cell: Cell;
  personName: string;
  competency: string;
  planId: string | null;
}) {
  const { t } = useTranslation();
  const summary = cellSummary(cell, t);
  const planned = cell.goals !== null && (cell.goals > 0 || (cell.actions ?? 0) > 0);
  const profile = cell.inFunction
    ? t('teamView.needs.cellInFunction')
    : t('teamView.needs.cellNotInFunction');
  return (
    <Table.Td
      style={{
        // Visually hidden text is positioned: inside a positioned cell the scroll region clips it.
        position: 'relative',
        background: cell.inFunction ? 'var(--mantine-color-groeipad-0)' : 'var(--mantine-color-gray-0)',
        textAlign: 'center',
        whiteSpace: 'nowrap',
      }}
    >
      {planned && planId ? (
        <Anchor
          component={Link}
          to={`/plans/${planId}`}
          size="sm"
          fw={600}
          aria-label={t('teamView.needs.cellLink', { name: personName, competency, summary })}
        >
          {summary}
        </Anchor>
      ) : (
        <Text size="sm" fw={planned ? 600 : 400} c={planned ? undefined : 'dimmed'}>
          {planned ? summary : <span aria-hidden="true">{cell.goals === null ? '–' : '·'}</span>}
          {!planned && <VisuallyHidden>{summary}</VisuallyHidden>}
        </Text>
      )}
      <VisuallyHidden>, {profile}</VisuallyHidden>
    </Table.Td>
  );
}

/** Goals and actions per competency for the whole team, without naming anyone. */
function CompetencyTotals({ matrix }: { matrix: Matrix }) {
  const { t } = useTranslation();
  const totals = new Map(matrix.totals.map((total) => [total.competencyId, total]));
  return (
    <Stack gap="xs">
      <Text size="sm">{t('teamView.needs.aggregateIntro')}</Text>
      <ResponsiveTable label={t('teamView.needs.aggregateLabel')} minWidth={480}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('teamView.needs.competency')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('teamView.needs.totals')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('teamView.needs.goals')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('teamView.needs.actions')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.competencies.map((competency) => {
            const total = totals.get(competency.id);
            return (
              <Table.Tr key={competency.id}>
                <Table.Th scope="row" fw={500}>
                  {competency.name}
                </Table.Th>
                <Table.Td ta="right">{total?.people ?? 0}</Table.Td>
                <Table.Td ta="right">{total?.goals ?? 0}</Table.Td>
                <Table.Td ta="right">{total?.actions ?? 0}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ResponsiveTable>
    </Stack>
  );
}

/** People x competencies of their function: where goals and actions are planned, linked to the plan. */
function NeedsMatrix({ view }: { view: TeamView }) {
  const { t } = useTranslation();
  const { matrix } = view;
  const names = new Map(view.people.map((p) => [p.id, p.name]));
  if (matrix.competencies.length === 0 || matrix.rows.length === 0)
    return <Text c="dimmed">{t('teamView.needs.emptyMatrix')}</Text>;
  // Nobody's content is visible (HR without permission): per person there is nothing to show, per competency there is.
  if (!matrix.rows.some((row) => row.cells.some((cell) => cell.goals !== null)))
    return <CompetencyTotals matrix={matrix} />;
  return (
    <Stack gap="xs">
      <ResponsiveTable
        label={t('teamView.needs.matrixLabel')}
        minWidth={200 + matrix.competencies.length * 120}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" style={stickyColumn}>
              {t('teamView.needs.person')}
            </Table.Th>
            {matrix.competencies.map((c) => (
              <Table.Th key={c.id} scope="col" style={{ textAlign: 'center' }}>
                {c.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.rows.map((row) => {
            const name = names.get(row.personId) ?? '';
            return (
              <Table.Tr key={row.personId}>
                <Table.Th scope="row" fw={600} style={stickyColumn}>
                  {name}
                </Table.Th>
                {row.cells.map((cell, index) => (
                  <MatrixCell
                    key={cell.competencyId}
                    cell={cell}
                    personName={name}
                    competency={matrix.competencies[index]?.name ?? ''}
                    planId={row.planId}
                  />
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" style={stickyColumn}>
              {t('teamView.needs.totals')}
            </Table.Th>
            {matrix.totals.map((total) => (
              <Table.Td key={total.competencyId} style={{ textAlign: 'center' }} fw={600}>
                {t('teamView.needs.totalsCell', { count: total.people })}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </ResponsiveTable>
      <Group gap="md">
        <Group gap={6}>
          <span
            aria-hidden="true"
            style={{
              width: 14,
              height: 14,
              borderRadius: 3,
              background: 'var(--mantine-color-groeipad-0)',
              border: '1px solid var(--mantine-color-groeipad-3)',
            }}
          />
          <Text size="xs">{t('teamView.needs.legendInFunction')}</Text>
        </Group>
        <Group gap={6}>
          <span
            aria-hidden="true"
            style={{
              width: 14,
              height: 14,
              borderRadius: 3,
              background: 'var(--mantine-color-gray-0)',
              border: '1px solid var(--mantine-color-gray-4)',
            }}
          />
          <Text size="xs">{t('teamView.needs.legendOther')}</Text>
        </Group>
      </Group>
    </Stack>
  );
}

function themeLabel(theme: TeamViewTheme, t: TFunction): string {
  if (theme.kind === 'open') return t('teamView.needs.openTheme');
  if (theme.kind === 'action_type' && theme.ref && isBuiltInActionType(theme.ref))
    return t(`pop.actionTypes.${theme.ref}`);
  return theme.label ?? t('teamView.needs.customType');
}

function ThemeCard({ theme }: { theme: TeamViewTheme }) {
  const { t } = useTranslation();
  const label = themeLabel(theme, t);
  const counts = [
    t('teamView.needs.themePeople', { count: theme.people }),
    ...(theme.goals > 0 ? [t('teamView.needs.themeGoals', { count: theme.goals })] : []),
    ...(theme.actions > 0 ? [t('teamView.needs.themeActions', { count: theme.actions })] : []),
    ...(theme.talkingPoints > 0 ? [t('teamView.needs.themePoints', { count: theme.talkingPoints })] : []),
  ];
  return (
    <Card withBorder padding="md" component="li">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={3} fz="h5" style={{ overflowWrap: 'anywhere' }}>
            {label}
          </Title>
          {theme.kind !== 'open' && (
            <Badge
              variant="light"
              color={theme.kind === 'competency' ? 'groeipad' : 'grape'}
              size="sm"
              style={{ flexShrink: 0 }}
            >
              {t(`teamView.needs.themeKinds.${theme.kind}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {counts.join(' · ')}
        </Text>
        {theme.items.length > 0 ? (
          <List size="sm" spacing={6}>
            {theme.items.map((item, index) => {
              const who = t(
                `teamView.needs.itemOf.${item.source === 'goal' ? 'goal' : (item.party ?? 'employee')}`,
                { name: item.personName },
              );
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: items have no id of their own and never reorder
                <List.Item key={index}>
                  <Text span size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {item.text}
                  </Text>{' '}
                  <Text span size="xs" c="dimmed">
                    (
                    {item.planId ? (
                      <Anchor
                        component={Link}
                        to={`/plans/${item.planId}`}
                        size="xs"
                        aria-label={t('teamView.needs.openPlanOf', { name: item.personName })}
                      >
                        {who}
                      </Anchor>
                    ) : (
                      who
                    )}
                    )
                  </Text>
                </List.Item>
              );
            })}
          </List>
        ) : (
          <Text size="xs" c="dimmed">
            {t('teamView.needs.itemsHidden')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The learning needs of the team: the competency matrix, then the needs grouped by theme. */
export function LearningNeeds({ view }: { view: TeamView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <Text maw={760}>{t('teamView.needs.intro')}</Text>
      <section aria-labelledby="needs-matrix-heading">
        <Title order={2} fz="h4" id="needs-matrix-heading" mb={4}>
          {t('teamView.needs.matrixTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm" maw={760}>
          {t('teamView.needs.matrixIntro')}
        </Text>
        <NeedsMatrix view={view} />
      </section>
      <section aria-labelledby="needs-themes-heading">
        <Title order={2} fz="h4" id="needs-themes-heading" mb={4}>
          {t('teamView.needs.themesTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm" maw={760}>
          {t('teamView.needs.themesIntro')}
        </Text>
        {view.themes.length === 0 ? (
          <Text c="dimmed">{t('teamView.needs.emptyThemes')}</Text>
        ) : (
          <SimpleGrid
            cols={{ base: 1, sm: 2, lg: 3 }}
            spacing="md"
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {view.themes.map((theme) => (
              <ThemeCard key={theme.key} theme={theme} />
            ))}
          </SimpleGrid>
        )}
      </section>
    </Stack>
  );
}
