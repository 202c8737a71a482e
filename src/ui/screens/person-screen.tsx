import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { getPack, getVisit } from '../../local-db/queries';
import { useAppServices } from '../app';
import { PageHeading } from '../components/page-heading';
import { visitPath } from '../paths';
import { clearHandedOver } from '../person-mode/handed-over';
import { PersonMode } from '../person-mode/person-mode';
import { personModeText } from '../person-mode/text/text';
import { resetPersonModeStore } from '../stores/person-mode-store';

/**
 * PERSON MODE: the screen the person holds. It reads only what is on the tablet, has no navigation,
 * no links and no sync bar; once handed over, the only way out is the organiser's PIN.
 */
export function PersonScreen() {
  const { visitId = '' } = useParams();
  const { db } = useAppServices();
  const navigate = useNavigate();
  const visit = useLiveQuery(async () => (await getVisit(db, visitId)) ?? null, [db, visitId]);
  const pack = useLiveQuery(async () => (await getPack(db, visitId)) ?? null, [db, visitId]);
  const text = personModeText(pack?.pack.personMode?.language ?? 'en');

  useEffect(() => {
    resetPersonModeStore();
    return resetPersonModeStore;
  }, [visitId]);

  if (visit && pack && visit.packStatus === 'ready') return <PersonMode pack={pack.pack} />;

  return (
    <div className="person-mode">
      <main id="main" className="person-main">
        {visit === undefined || pack === undefined ? (
          <p className="lead">{text.opening}</p>
        ) : (
          <>
            <PageHeading>{text.notReady}</PageHeading>
            {/* The visit is no longer on this tablet (wiped, or cleared away): there is no person mode left to
                keep the tablet in, and the organiser screens still ask for a signed-in organiser. */}
            <button
              type="button"
              className="button"
              onClick={() => {
                clearHandedOver(db);
                navigate(visitPath(visitId));
              }}
            >
              {text.goBack}
            </button>
          </>
        )}
      </main>
    </div>
  );
}
