import { useCallback } from 'react';
import { Link } from 'react-router';
import { useAppServices } from '../app';
import { AddByFirstName } from '../components/add-by-first-name';
import { OfficeDataNotice } from '../components/office-data-notice';
import { PageHeading } from '../components/page-heading';
import { useOfficeData } from '../hooks/use-office-data';
import { personProfilePath } from '../paths';

const OFFLINE =
  'The list of people is kept at the office, and this tablet has no connection to it right now. Connect to Wi-Fi or mobile data, then try again.';

/** "People": everyone the organisation supports or has been asked to, with their one-page profiles. */
export function PeopleScreen() {
  const { transport } = useAppServices();
  const people = useOfficeData(useCallback((t) => t.listPeopleProfiles(), []));
  return (
    <>
      <PageHeading>People</PageHeading>
      <p>Everyone the organisation supports, with the one-page profile written with them at their first assessment.</p>
      <OfficeDataNotice state={people} onRetry={people.reload} offline={OFFLINE} />
      {people.kind === 'ready' && (
        <table className="data-table">
          <caption>{people.value.length === 1 ? '1 person' : `${people.value.length} people`}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">One-page profile</th>
            </tr>
          </thead>
          <tbody>
            {people.value.map((person) => (
              <tr key={person.id}>
                <th scope="row">
                  <Link to={personProfilePath(person.id)}>{person.draft.firstName}</Link>
                </th>
                <td>{person.profileComplete ? 'Complete' : 'Not finished'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddByFirstName id="new-person" heading="Add a person" add={async (firstName) => (await transport.addPerson({ firstName })).id} pathOf={personProfilePath} />
    </>
  );
}
