import type { RouteObject } from 'react-router';
import { OrganiserLayout } from './components/organiser-layout';
import { RequireOrganiser, RequireRole } from './components/require-organiser';
import { RequireSession } from './components/require-session';
import { paths } from './paths';
import { KeepInPersonMode } from './person-mode/keep-in-person-mode';
import { AccountsScreen } from './screens/accounts-screen';
import { AuditLogScreen } from './screens/audit-log-screen';
import { CareWorkersScreen } from './screens/care-workers-screen';
import { DevicesScreen } from './screens/devices-screen';
import { CarerProfileScreen } from './screens/carer-profile-screen';
import { ErrorScreen } from './screens/error-screen';
import { EvidenceReportScreen } from './screens/evidence-report-screen';
import { FollowUpsScreen } from './screens/follow-ups-screen';
import { ImportCarersScreen } from './screens/import-carers-screen';
import { LoginScreen } from './screens/login-screen';
import { MatchPeopleScreen } from './screens/match-people-screen';
import { MyAccountScreen } from './screens/my-account-screen';
import { MyProfileScreen } from './screens/my-profile-screen';
import { MatchScreen } from './screens/match-screen';
import { NotFoundScreen } from './screens/not-found-screen';
import { OfficeScreen } from './screens/office-screen';
import { PeopleScreen } from './screens/people-screen';
import { PersonProfileScreen } from './screens/person-profile-screen';
import { PersonScreen } from './screens/person-screen';
import { TabletScreen } from './screens/tablet-screen';
import { VisitEvidenceScreen } from './screens/visit-evidence-screen';
import { VisitScreen } from './screens/visit-screen';
import { VisitsScreen } from './screens/visits-screen';

/** Every route. Exported so tests can mount them in a memory router. */
export const routes: RouteObject[] = [
  {
    errorElement: <ErrorScreen />,
    // Once the tablet is handed over, every address leads back to that person mode until the PIN ends it.
    element: <KeepInPersonMode />,
    children: [
      { path: paths.login, element: <LoginScreen /> },
      // Person mode works with no organiser session: the visit is already on the tablet.
      { path: paths.person, element: <PersonScreen /> },
      {
        element: (
          <RequireSession>
            <OrganiserLayout />
          </RequireSession>
        ),
        children: [
          { path: paths.myProfile, element: <MyProfileScreen /> },
          // Every role's own account: who is signed in, the password, signing out everywhere.
          { path: paths.myAccount, element: <MyAccountScreen /> },
          {
            element: <RequireOrganiser />,
            children: [
              { path: paths.visits, element: <VisitsScreen /> },
              { path: paths.visit, element: <VisitScreen /> },
              { path: paths.office, element: <OfficeScreen /> },
              { path: paths.followUps, element: <FollowUpsScreen /> },
              { path: paths.importCarers, element: <ImportCarersScreen /> },
              { path: paths.match, element: <MatchPeopleScreen /> },
              { path: paths.matchPerson, element: <MatchScreen /> },
              { path: paths.tablet, element: <TabletScreen /> },
              { path: paths.careWorkers, element: <CareWorkersScreen /> },
              { path: paths.carerProfile, element: <CarerProfileScreen /> },
              { path: paths.people, element: <PeopleScreen /> },
              { path: paths.personProfile, element: <PersonProfileScreen /> },
            ],
          },
          // Managers read the reports and the visits' evidence; they change nothing.
          {
            element: <RequireRole roles={['organiser', 'manager']} />,
            children: [
              { path: paths.visitEvidence, element: <VisitEvidenceScreen /> },
              { path: paths.reports, element: <EvidenceReportScreen /> },
            ],
          },
          { element: <RequireRole roles={['admin', 'organiser']} />, children: [{ path: paths.devices, element: <DevicesScreen /> }] },
          { element: <RequireRole roles={['admin']} />, children: [{ path: paths.accounts, element: <AccountsScreen /> }] },
          { element: <RequireRole roles={['admin']} />, children: [{ path: paths.auditLog, element: <AuditLogScreen /> }] },
        ],
      },
      { path: '*', element: <NotFoundScreen /> },
    ],
  },
];
