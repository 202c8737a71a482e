import type { HearthDatabase } from '../../local-db/database';
import { getSession } from '../../local-db/queries';
import { wipeTablet, type WipeReport, type WipeTargets } from '../../local-db/wipe-tablet';
import type { SyncEngine } from '../../sync/sync-engine';
import { useWipeStore, type WipeReason } from '../stores/wipe-store';

let running: Promise<WipeReport> | null = null;

/**
 * Wipes the tablet once, however many answers asked for it: stops syncing, takes the app's screens
 * away (so nothing keeps reading the database or shows a person's details), deletes everything, and
 * shows what the check afterwards found.
 */
export function wipeThisTablet(
  db: HearthDatabase,
  sync: Pick<SyncEngine, 'stop'>,
  reason: WipeReason,
  options: { targets?: WipeTargets; knownOrganisationName?: () => string | null } = {},
): Promise<WipeReport> {
  const { targets, knownOrganisationName = () => null } = options;
  running ??= (async () => {
    sync.stop();
    // The browser may already have cleared the database (Clear-Site-Data on the office's answer): then the name known before.
    const organisationName = (await getSession(db).catch(() => undefined))?.session.organisation.name ?? knownOrganisationName();
    useWipeStore.setState({ screen: { reason, organisationName, report: null } });
    // Let React take the routes down before the database closes under them.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const report = await wipeTablet(db, targets);
    useWipeStore.setState({ screen: { reason, organisationName, report } });
    return report;
  })();
  return running;
}

/** Tests only: each test's tablet may wipe itself again. */
export function resetWipeThisTablet(): void {
  running = null;
}
