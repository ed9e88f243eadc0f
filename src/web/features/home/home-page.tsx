import { Anchor, Card, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/session.js';
import { PageHeader } from '../../components/page-header.js';

const steps = ['preparation', 'conversation', 'execution'] as const;

function CycleSteps() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cycle-heading">
      <Title order={2} fz="h3" id="cycle-heading" mb="sm">
        {t('home.cycle.title')}
      </Title>
      <SimpleGrid
        cols={{ base: 1, md: 3 }}
        spacing="md"
        component="ol"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {steps.map((step, index) => (
          <Card key={step} withBorder padding="lg" component="li">
            <ThemeIcon size={36} radius="xl" variant="light" aria-hidden="true">
              <Text fw={700}>{index + 1}</Text>
            </ThemeIcon>
            <Title order={3} fz="h4" mt="sm">
              {t(`home.cycle.${step}.title`)}
            </Title>
            <Text size="sm" mt="xs">
              {t(`home.cycle.${step}.body`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}

function GettingStarted() {
  const { t } = useTranslation();
  const me = useMe();
  const { capabilities } = me;
  if (!capabilities.manageStructure && !capabilities.managePeople && !capabilities.manageOrganisation)
    return null;
  return (
    <section aria-labelledby="start-heading">
      <Title order={2} fz="h3" id="start-heading" mb="xs">
        {t('home.start.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('home.start.intro')}
      </Text>
      <List spacing="xs" type="ordered">
        {capabilities.manageOrganisation && (
          <List.Item>
            <Anchor component={Link} to="/settings">
              {t('home.start.settings')}
            </Anchor>
          </List.Item>
        )}
        {capabilities.manageStructure && (
          <>
            <List.Item>
              <Anchor component={Link} to="/teams">
                {t('home.start.teams')}
              </Anchor>
            </List.Item>
            <List.Item>
              <Anchor component={Link} to="/competencies">
                {t('home.start.competencies')}
              </Anchor>
            </List.Item>
            <List.Item>
              <Anchor component={Link} to="/functions">
                {t('home.start.functions')}
              </Anchor>
            </List.Item>
          </>
        )}
        {capabilities.managePeople && (
          <List.Item>
            <Trans
              i18nKey="home.start.people"
              components={{
                import: <Anchor component={Link} to="/import" />,
                add: <Anchor component={Link} to="/people/new" />,
              }}
            />
          </List.Item>
        )}
      </List>
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="xl" maw={1100}>
      <PageHeader
        title={t('home.title', { firstName: me.person.firstName })}
        description={t('home.intro', { organisation: me.organisation.name })}
      />
      <Paper withBorder p="lg" radius="md" bg="groeipad.0">
        <Title order={2} fz="h3">
          {t('home.empty.title')}
        </Title>
        <Text mt="xs">{t('home.empty.body')}</Text>
        {me.capabilities.viewTeam && (
          <Text mt="xs">
            <Trans i18nKey="home.empty.manager" components={{ go: <Anchor component={Link} to="/team" /> }} />
          </Text>
        )}
      </Paper>
      <CycleSteps />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <section aria-labelledby="prepare-heading">
          <Title order={2} fz="h3" id="prepare-heading" mb="xs">
            {t('home.prepare.title')}
          </Title>
          <List spacing="xs">
            <List.Item>{t('home.prepare.learn')}</List.Item>
            <List.Item>{t('home.prepare.talents')}</List.Item>
            <List.Item>{t('home.prepare.lookBack')}</List.Item>
            <List.Item>{t('home.prepare.ambitions')}</List.Item>
          </List>
        </section>
        <section aria-labelledby="not-appraisal-heading">
          <Title order={2} fz="h3" id="not-appraisal-heading" mb="xs">
            {t('home.notAppraisal.title')}
          </Title>
          <Text>{t('home.notAppraisal.body')}</Text>
        </section>
      </SimpleGrid>
      <GettingStarted />
    </Stack>
  );
}
