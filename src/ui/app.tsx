import { createContext, use, type ReactNode } from 'react';
import { RouterProvider, type DataRouter } from 'react-router';
import type { HearthDatabase } from '../local-db/database';
import type { MediaUploader } from '../sync/media-uploader';
import type { DownloadOptions } from '../sync/pack-downloader';
import type { SyncEngine } from '../sync/sync-engine';
import type { Transport } from '../sync/transport';
import { DataLockGate } from './lock/data-lock-gate';
import type { DeviceStorage } from './pwa/device-storage';
import { TabletWipedScreen } from './screens/tablet-wiped-screen';
import { useWipeStore } from './stores/wipe-store';

/**
 * Everything with state or side effects that screens use, made once in main.tsx and injected,
 * so tests can pass a fresh database, an in-memory office and a fixed clock.
 */
export interface AppServices {
  db: HearthDatabase;
  transport: Transport;
  sync: SyncEngine;
  now: () => Date;
  randomBytes: (count: number) => Uint8Array;
  estimateStorage?: DownloadOptions['estimateStorage'];
  /** The browser's storage manager (space used and free, and keeping Hearth's data safe from clearing). */
  storage?: DeviceStorage;
  /** Sends films, photos and voices to the office (tus); tests give a fake. Default: httpMediaUploader. */
  media?: MediaUploader;
}

const AppServicesContext = createContext<AppServices | null>(null);

export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <AppServicesContext value={services}>{children}</AppServicesContext>;
}

export function useAppServices(): AppServices {
  const services = use(AppServicesContext);
  if (!services) throw new Error('useAppServices must be used inside <AppServicesProvider>');
  return services;
}

export function App({ services, router }: { services: AppServices; router: DataRouter }) {
  // Once the tablet is wiping itself (revoked, or signed out), no screen may read the database or show anyone.
  const wiped = useWipeStore((state) => state.screen);
  return (
    <AppServicesProvider services={services}>
      {wiped ? (
        <TabletWipedScreen screen={wiped} />
      ) : (
        // The organiser lock and the locked records stand in front of every screen (lock/data-lock-gate.tsx).
        <DataLockGate router={router}>
          <RouterProvider router={router} />
        </DataLockGate>
      )}
    </AppServicesProvider>
  );
}
