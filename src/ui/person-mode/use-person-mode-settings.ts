import { useLiveQuery } from 'dexie-react-hooks';
import { resolvePersonModeSettings } from '../../domain/person-mode';
import type { VisitPack } from '../../domain/visits';
import { getLocalPersonModeSettings } from '../../local-db/queries';
import { useAppServices } from '../app';
import type { ResolvedSettings } from './person-mode-context';

/** With no setting anywhere, show the description first ("picture on the back"): faces can sway a choice. */
const DESCRIPTION_FIRST_WHEN_UNSET = true;

/**
 * The settings this tablet uses for the person: those changed here until a newer pack has them, else the
 * pack's, else the defaults. Undefined while reading.
 */
export function usePersonModeSettings(pack: VisitPack): ResolvedSettings | undefined {
  const { db } = useAppServices();
  const local = useLiveQuery(async () => (await getLocalPersonModeSettings(db, pack.person.id)) ?? null, [db, pack.person.id]);
  if (local === undefined) return undefined;
  return resolvePersonModeSettings(local ?? pack.personMode, pack.personMode?.descriptionFirst ?? DESCRIPTION_FIRST_WHEN_UNSET);
}
