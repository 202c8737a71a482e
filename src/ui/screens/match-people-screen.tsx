import { useCallback } from 'react';
import { Link } from 'react-router';
import type { Transport } from '../../sync/transport';
import { OfficeDataNotice } from '../components/office-data-notice';
import { PageHeading } from '../components/page-heading';
import { useOfficeData } from '../hooks/use-office-data';
import { matchPersonPath } from '../paths';

/** "Match carers": choose the person to find care workers for. */
export function MatchPeopleScreen() {
  const people = useOfficeData(useCallback((transport: Transport) => transport.listPeople(), []));

  return (
    <>
      <PageHeading>Match care workers</PageHeading>
      <p>Choose who you are finding care workers for. Hearth checks who is free first, then personality, then shared interests.</p>
      <OfficeDataNotice state={people} onRetry={people.reload} />
      {people.kind === 'ready' &&
        (people.value.length === 0 ? (
          <p>There is nobody to match care workers for yet.</p>
        ) : (
          <ul className="card-list">
            {people.value.map((person) => (
              <li key={person.id} className="card">
                <h2>
                  <Link to={matchPersonPath(person.id)}>
                    {person.firstName}, {person.age}
                  </Link>
                </h2>
                <p>{person.place}</p>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
