import { Children, type ComponentType, isValidElement, type ReactNode, Suspense } from 'react';
import { matchRoutes, Outlet, type RouteObject, useLocation, useRoutes } from 'react-router';
import type { Capabilities } from '../../shared/policies.js';
import { FullPageLoader } from '../components/full-page-loader.js';
import { lazyModule, type Preload } from './lazy-module.js';
import { PageErrorBoundary } from './page-error-boundary.js';
import { PublicLayout } from './public-layout.js';
import { RedirectIfSignedIn, RequireCapability, RequireRole, RequireSession, SetupGate } from './session.js';

const AppLayout = lazyModule('app/app-layout', () => import('./app-layout.js').then((m) => m.AppLayout));
const SetupPage = lazyModule('features/setup/setup-page', () =>
  import('../features/setup/setup-page.js').then((m) => m.SetupPage),
);
const LoginPage = lazyModule('features/auth/login-page', () =>
  import('../features/auth/login-page.js').then((m) => m.LoginPage),
);
const ForgotPasswordPage = lazyModule('features/auth/forgot-password-page', () =>
  import('../features/auth/forgot-password-page.js').then((m) => m.ForgotPasswordPage),
);
const TokenPasswordPage = lazyModule('features/auth/token-password-page', () =>
  import('../features/auth/token-password-page.js').then((m) => m.TokenPasswordPage),
);
const HomePage = lazyModule('features/home/home-page', () =>
  import('../features/home/home-page.js').then((m) => m.HomePage),
);
const MyTeamPage = lazyModule('features/team/my-team-page', () =>
  import('../features/team/my-team-page.js').then((m) => m.MyTeamPage),
);
const PeoplePage = lazyModule('features/people/people-page', () =>
  import('../features/people/people-page.js').then((m) => m.PeoplePage),
);
const PersonCreatePage = lazyModule('features/people/person-create-page', () =>
  import('../features/people/person-create-page.js').then((m) => m.PersonCreatePage),
);
const PersonDetailPage = lazyModule('features/people/person-detail-page', () =>
  import('../features/people/person-detail-page.js').then((m) => m.PersonDetailPage),
);
const TeamsPage = lazyModule('features/teams/teams-page', () =>
  import('../features/teams/teams-page.js').then((m) => m.TeamsPage),
);
const FunctionsPage = lazyModule('features/functions/functions-page', () =>
  import('../features/functions/functions-page.js').then((m) => m.FunctionsPage),
);
const CompetenciesPage = lazyModule('features/competencies/competencies-page', () =>
  import('../features/competencies/competencies-page.js').then((m) => m.CompetenciesPage),
);
const PeopleImportPage = lazyModule('features/imports/people-import-page', () =>
  import('../features/imports/people-import-page.js').then((m) => m.PeopleImportPage),
);
const OrganisationSettingsPage = lazyModule('features/settings/organisation-settings-page', () =>
  import('../features/settings/organisation-settings-page.js').then((m) => m.OrganisationSettingsPage),
);
const OutboxPage = lazyModule('features/settings/outbox-page', () =>
  import('../features/settings/outbox-page.js').then((m) => m.OutboxPage),
);
const AuditPage = lazyModule('features/audit/audit-page', () =>
  import('../features/audit/audit-page.js').then((m) => m.AuditPage),
);
const PrivacySettingsPage = lazyModule('features/privacy/privacy-settings-page', () =>
  import('../features/privacy/privacy-settings-page.js').then((m) => m.PrivacySettingsPage),
);
const ProfilePage = lazyModule('features/profile/profile-page', () =>
  import('../features/profile/profile-page.js').then((m) => m.ProfilePage),
);
const NotificationsPage = lazyModule('features/notifications/notifications-page', () =>
  import('../features/notifications/notifications-page.js').then((m) => m.NotificationsPage),
);
const PlanPage = lazyModule('features/plans/plan-page', () =>
  import('../features/plans/plan-page.js').then((m) => m.PlanPage),
);
const CyclesPage = lazyModule('features/plans/cycles-page', () =>
  import('../features/plans/cycles-page.js').then((m) => m.CyclesPage),
);
const TemplatesPage = lazyModule('features/templates/templates-page', () =>
  import('../features/templates/templates-page.js').then((m) => m.TemplatesPage),
);
const ActionTypesPage = lazyModule('features/action-types/action-types-page', () =>
  import('../features/action-types/action-types-page.js').then((m) => m.ActionTypesPage),
);
const TrainingRightPage = lazyModule('features/training-right/training-right-page', () =>
  import('../features/training-right/training-right-page.js').then((m) => m.TrainingRightPage),
);
const BudgetsPage = lazyModule('features/budgets/budgets-page', () =>
  import('../features/budgets/budgets-page.js').then((m) => m.BudgetsPage),
);
const TrainingPlanPage = lazyModule('features/training-plan/training-plan-page', () =>
  import('../features/training-plan/training-plan-page.js').then((m) => m.TrainingPlanPage),
);
const NotFoundPage = lazyModule('features/errors/not-found-page', () =>
  import('../features/errors/not-found-page.js').then((m) => m.NotFoundPage),
);

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

/** The pages, with a page that says so when one fails to render before a layout's own boundary is reached. */
export function AppRoutes() {
  const location = useLocation();
  return (
    <PageErrorBoundary resetKey={location.pathname} standalone>
      {useRoutes(routes)}
    </PageErrorBoundary>
  );
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
 * the frame for nothing before being sent to sign in. Settles when the code has arrived (or failed to).
 */
export function preloadPage(pathname: string): Promise<void> {
  const loads: Promise<unknown>[] = [];
  for (const match of matchRoutes(routes, pathname) ?? [])
    for (const preload of preloadsOf(match.route.element)) loads.push(preload().catch(() => undefined));
  return Promise.all(loads).then(() => undefined);
}
