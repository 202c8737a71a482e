import './zod-jitless'; // first: see the file
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { openHearthDatabase } from '../local-db/database';
import { getSession } from '../local-db/queries';
import { browserMarkerMirror, checkForEviction } from '../local-db/eviction-sentinel';
import { createSyncEngine } from '../sync/sync-engine';
import { createHttpTransport } from '../sync/transport';
import { App, type AppServices } from './app';
import { wipeThisTablet } from './pwa/wipe-this-tablet';
import { askToKeepStorage, browserStorage } from './pwa/device-storage';
import { registerServiceWorker, listenForBackgroundSync } from './pwa/register-service-worker';
import { routes } from './routes';
import './styles.css';
import './matching.css';
import './person-mode/person-mode.css';

const db = openHearthDatabase();
// A 'device-revoked' answer to any request wipes the tablet at once (sync is defined below; called only later).
// The organisation's name is remembered at each sync, because that answer's Clear-Site-Data may clear the session first.
let organisationName: string | null = null;
const rememberOrganisation = () =>
  void getSession(db)
    .then((session) => (organisationName = session?.session.organisation.name ?? organisationName))
    .catch(() => undefined);
const transport = createHttpTransport('', undefined, {
  onDeviceRevoked: () => void wipeThisTablet(db, sync, 'revoked', { knownOrganisationName: () => organisationName }),
});
const sync = createSyncEngine({
  db,
  transport,
  page: window,
  visibility: document,
  // One send at a time across every open tab of Hearth, where the browser has Web Locks.
  exclusive: navigator.locks ? (fn) => navigator.locks.request('hearth-sync', () => fn()) : undefined,
});

const services: AppServices = {
  db,
  transport,
  sync,
  now: () => new Date(),
  randomBytes: (count) => crypto.getRandomValues(new Uint8Array(count)),
  estimateStorage: async () => navigator.storage?.estimate?.(),
  storage: browserStorage(),
};

// First, once per launch: did the browser clear Hearth's database since the last one? (Shown on Planned visits.)
void checkForEviction(db, browserMarkerMirror(), { now: services.now, makeMarker: () => crypto.randomUUID() }).catch(() => undefined);
void askToKeepStorage(db, services.storage, services.now);
sync.subscribe(rememberOrganisation);
rememberOrganisation();
sync.start();
registerServiceWorker();
const backgroundSync = listenForBackgroundSync(() => void sync.syncNow());
// Offline with records waiting: ask the browser (where it can) to wake Hearth when the connection returns.
sync.subscribe((status) => {
  if (status === 'offline') backgroundSync.requestWakeUp();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App services={services} router={createBrowserRouter(routes)} />
  </StrictMode>,
);
