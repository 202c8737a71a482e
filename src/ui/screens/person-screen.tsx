import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { getPack, getVisit } from '../../local-db/queries';
import { useAppServices } from '../app';
import { PageHeading } from '../components/page-heading';
import { PersonChoosing } from '../components/person-choosing';
import { visitPath } from '../paths';
import { resetPersonModeStore } from '../stores/person-mode-store';

/**
 * PERSON MODE: the screen the person holds. It reads only what is on the tablet, has no navigation,
 * no links to other screens and no sync bar; the only way out is "Give the tablet back" (or the
 * back button when the visit is not ready).
 */
export function PersonScreen() {
  const { visitId = '' } = useParams();
  const { db } = useAppServices();
  const navigate = useNavigate();
  const visit = useLiveQuery(async () => (await getVisit(db, visitId)) ?? null, [db, visitId]);
  const pack = useLiveQuery(async () => (await getPack(db, visitId)) ?? null, [db, visitId]);
  const giveBack = () => navigate(visitPath(visitId));

  useEffect(() => {
    resetPersonModeStore();
    return resetPersonModeStore;
  }, [visitId]);

  let content;
  if (visit === undefined || pack === undefined) {
    content = <p className="lead">Opening…</p>;
  } else if (!visit || !pack || visit.packStatus !== 'ready') {
    content = (
      <>
        <PageHeading>This visit is not ready on this tablet yet</PageHeading>
        <button type="button" className="button" onClick={giveBack}>
          Go back
        </button>
      </>
    );
  } else {
    content = <PersonChoosing pack={pack.pack} onGiveBack={giveBack} />;
  }

  return (
    <div className="person-mode">
      <main id="main" className="person-main">
        {content}
      </main>
    </div>
  );
}
