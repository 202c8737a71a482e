import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { openHearthDatabase } from '../local-db/database';
import { createSyncEngine } from '../sync/sync-engine';
import { createHttpTransport } from '../sync/transport';
import { App, type AppServices } from './app';
import { registerServiceWorker } from './pwa/register-service-worker';
import { routes } from './routes';
import './styles.css';
import './matching.css';
import './person-mode/person-mode.css';

const db = openHearthDatabase();
const transport = createHttpTransport();
const sync = createSyncEngine({ db, transport, page: window, visibility: document });

const services: AppServices = {
  db,
  transport,
  sync,
  now: () => new Date(),
  randomBytes: (count) => crypto.getRandomValues(new Uint8Array(count)),
  estimateStorage: async () => navigator.storage?.estimate?.(),
};

// Ask the browser not to clear Hearth's storage under pressure: it holds unsent decisions and films.
void navigator.storage?.persist?.().catch(() => false);
sync.start();
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App services={services} router={createBrowserRouter(routes)} />
  </StrictMode>,
);
