import { Children, type ComponentType, isValidElement, lazy, type ReactNode, Suspense } from 'react';
import { matchRoutes, Outlet, type RouteObject, useRoutes } from 'react-router';
import type { Capabilities } from '../../shared/policies.js';
import { FullPageLoader } from '../components/full-page-loader.js';
import { PublicLayout } from './public-layout.js';
import { RedirectIfSignedIn, RequireCapability, RequireRole, RequireSession, SetupGate } from './session.js';

type Preload = () => Promise<unknown>;

/** Each page is its own chunk: the first page only loads the shell and itself. */
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  return Object.assign(
    lazy(async () => ({ default: await load() })),
    { preload: load as Preload },
  );
}

const AppLayout = page(() => import('./app-layout.js').then((m) => m.AppLayout));
const SetupPage = page(() => import('../features/setup/setup-page.js').then((m) => m.SetupPage));
const LoginPage = page(() => import('../features/auth/login-page.js').then((m) => m.LoginPage));
const ForgotPasswordPage = page(() =>
  import('../features/auth/forgot-password-page.js').then((m) => m.ForgotPasswordPage),
);
const TokenPasswordPage = page(() =>
  import('../features/auth/token-password-page.js').then((m) => m.TokenPasswordPage),
);
const HomePage = page(() => import('../features/home/home-page.js').then((m) => m.HomePage));
const MyTeamPage = page(() => import('../features/team/my-team-page.js').then((m) => m.MyTeamPage));
const PeoplePage = page(() => import('../features/people/people-page.js').then((m) => m.PeoplePage));
const PersonCreatePage = page(() =>
  import('../features/people/person-create-page.js').then((m) => m.PersonCreatePage),
);
const PersonDetailPage = page(() =>
  import('../features/people/person-detail-page.js').then((m) => m.PersonDetailPage),
);
const TeamsPage = page(() => import('../features/teams/teams-page.js').then((m) => m.TeamsPage));
const FunctionsPage = page(() =>
  import('../features/functions/functions-page.js').then((m) => m.FunctionsPage),
);
const CompetenciesPage = page(() =>
  import('../features/competencies/competencies-page.js').then((m) => m.CompetenciesPage),
);
const PeopleImportPage = page(() =>
  import('../features/imports/people-import-page.js').then((m) => m.PeopleImportPage),
);
const OrganisationSettingsPage = page(() =>
  import('../features/settings/organisation-settings-page.js').then((m) => m.OrganisationSettingsPage),
);
const OutboxPage = page(() => import('../features/settings/outbox-page.js').then((m) => m.OutboxPage));
const AuditPage = page(() => import('../features/audit/audit-page.js').then((m) => m.AuditPage));
const PrivacySettingsPage = page(() =>
  import('../features/privacy/privacy-settings-page.js').then((m) => m.PrivacySettingsPage),
);
const ProfilePage = page(() => import('../features/profile/profile-page.js').then((m) => m.ProfilePage));
const NotificationsPage = page(() =>
  import('../features/notifications/notifications-page.js').then((m) => m.NotificationsPage),
);
const PlanPage = page(() => import('../features/plans/plan-page.js').then((m) => m.PlanPage));
const CyclesPage = page(() => import('../features/plans/cycles-page.js').then((m) => m.CyclesPage));
const TemplatesPage = page(() =>
  import('../features/templates/templates-page.js').then((m) => m.TemplatesPage),
);
const ActionTypesPage = page(() =>
  import('../features/action-types/action-types-page.js').then((m) => m.ActionTypesPage),
);
const TrainingRightPage = page(() =>
  import('../features/training-right/training-right-page.js').then((m) => m.TrainingRightPage),
);
const BudgetsPage = page(() => import('../features/budgets/budgets-page.js').then((m) => m.BudgetsPage));
const TrainingPlanPage = page(() =>
  import('../features/training-plan/training-plan-page.js').then((m) => m.TrainingPlanPage),
);
const NotFoundPage = page(() => import('../features/errors/not-found-page.js').then((m) => m.NotFoundPage));

const guarded = (capability: keyof Capabilities | Array<keyof Capabilities>, Page: ComponentType) => (
  <RequireCapability capability={capability}>
    <Page />
  </RequireCapability>
);

const hrOnly = (Page: ComponentType) => (
  <RequireRole requiredRole="hr">
    <Page />
  </RequireRole>
);

/**
 * The route table. It is matched by `useRoutes` under a `BrowserRouter`: the app uses no loaders, actions or
 * fetchers, and the declarative router is half the code of the data router on every first page.
 */
const routes: RouteObject[] = [
  {
    element: <SetupGate />,
    children: [
      {
        element: <PublicLayout wide />,
        children: [{ path: '/setup', element: <SetupPage /> }],
      },
      {
        element: <PublicLayout />,
        children: [
          {
            element: (
              <RedirectIfSignedIn>
                <Outlet />
              </RedirectIfSignedIn>
            ),
            children: [
              { path: '/login', element: <LoginPage /> },
              { path: '/forgot-password', element: <ForgotPasswordPage /> },
            ],
          },
          { path: '/reset-password/:token', element: <TokenPasswordPage purpose="reset" /> },
          { path: '/welcome/:token', element: <TokenPasswordPage purpose="invitation" /> },
        ],
      },
      {
        element: (
          <RequireSession>
            <Suspense fallback={<FullPageLoader />}>
              <AppLayout />
            </Suspense>
          </RequireSession>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: '/team', element: guarded(['viewTeam', 'viewAllPlans'], MyTeamPage) },
          { path: '/plans/:id', element: <PlanPage /> },
          { path: '/cycles', element: hrOnly(CyclesPage) },
          { path: '/templates', element: hrOnly(TemplatesPage) },
          { path: '/action-types', element: hrOnly(ActionTypesPage) },
          { path: '/training-plan', element: hrOnly(TrainingPlanPage) },
          { path: '/people', element: guarded('managePeople', PeoplePage) },
          { path: '/people/new', element: guarded('managePeople', PersonCreatePage) },
          { path: '/people/:id', element: guarded('managePeople', PersonDetailPage) },
          { path: '/teams', element: guarded('manageStructure', TeamsPage) },
          { path: '/functions', element: guarded('manageStructure', FunctionsPage) },
          { path: '/competencies', element: guarded('manageStructure', CompetenciesPage) },
          { path: '/import', element: guarded('managePeople', PeopleImportPage) },
          { path: '/settings', element: guarded('manageOrganisation', OrganisationSettingsPage) },
          { path: '/settings/outbox', element: guarded('viewOutbox', OutboxPage) },
          { path: '/settings/audit', element: guarded('manageOrganisation', AuditPage) },
          { path: '/settings/privacy', element: guarded('manageOrganisation', PrivacySettingsPage) },
          { path: '/training-right', element: <TrainingRightPage /> },
          { path: '/budgets', element: guarded(['viewAllPlans', 'viewTeam'], BudgetsPage) },
          { path: '/profile', element: <ProfilePage /> },
          { path: '/notifications', element: <NotificationsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function AppRoutes() {
  return useRoutes(routes);
}

/** The pages (lazy components with a `preload`) that an element renders, itself or among its children. */
function preloadsOf(node: ReactNode): Preload[] {
  if (!isValidElement(node)) return [];
  const own = (node.type as { preload?: Preload }).preload;
  const children = Children.toArray((node.props as { children?: ReactNode }).children);
  return [...(own ? [own] : []), ...children.flatMap(preloadsOf)];
}

/**
 * Starts loading the code of the page at this address (and of the app's frame around it) at once, while the
 * set-up and the session are checked, rather than each after the other. A signed-out visitor of a deep link loads
 * the frame for nothing before being sent to sign in.
 */
export function preloadPage(pathname: string): void {
  for (const match of matchRoutes(routes, pathname) ?? [])
    for (const preload of preloadsOf(match.route.element)) void preload().catch(() => undefined);
}
