import { useLiveQuery } from 'dexie-react-hooks';
import type { SessionRecord } from '../../local-db/database';
import { getSession } from '../../local-db/queries';
import { useAppServices } from '../app';

/** The organiser signed in on this tablet: undefined while reading, null when nobody is. */
export function useSession(): SessionRecord | null | undefined {
  const { db } = useAppServices();
  return useLiveQuery(async () => (await getSession(db)) ?? null, [db]);
}
