import { Blob as NodeBlob } from 'node:buffer';
import { cleanup, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { onTestFinished } from 'vitest';
import type { VisitPack } from '../../src/domain/visits';
import { openHearthDatabase, type HearthDatabase } from '../../src/local-db/database';
import { setOrganiserPin } from '../../src/local-db/organiser-pin';
import { getOrCreateDevice, saveSession } from '../../src/local-db/queries';
import { downloadVisitPack } from '../../src/sync/pack-downloader';
import { createSyncEngine, type SyncEngine } from '../../src/sync/sync-engine';
import { refreshVisits } from '../../src/sync/visit-list';
import { App, type AppServices } from '../../src/ui/app';
import { routes } from '../../src/ui/routes';
import { resetPersonModeStore } from '../../src/ui/stores/person-mode-store';
import { resetUpdateStore } from '../../src/ui/stores/update-store';
import { makePack, testId, type PackOptions, type TestFile } from './factories';
import { FakeOffice } from './fake-transport';
import { holdTestDataKey } from './test-data-key';

// jsdom's Blob has no arrayBuffer() and comes back from fake-indexeddb as {}: use Node's, which
// fake-indexeddb clones faithfully, so the real pack downloader can hash and store files here too.
globalThis.Blob = NodeBlob as unknown as typeof Blob;

/** Object URLs made and revoked by the screens, so tests can check films are let go of. */
export const objectUrls = { made: new Set<string>(), revoked: new Set<string>() };
let urlCounter = 0;
URL.createObjectURL = () => {
  const url = `blob:test/${++urlCounter}`;
  objectUrls.made.add(url);
  return url;
};
URL.revokeObjectURL = (url: string) => {
  objectUrls.revoked.add(url);
};

/** The fixed time of every UI test: during Hilda's visit. */
export const TEST_NOW = new Date('2026-11-25T10:31:00.000Z');
export const TEST_DEVICE_LABEL = 'Safari on iPad';
/** The organiser's PIN in UI tests (set on the tablet unless a test says otherwise). */
export const ORGANISER_PIN = '2580';

export interface WorldOptions {
  /** An organiser session is on the tablet (default true). */
  signedIn?: boolean;
  /** The office's visits have been fetched onto the tablet (default true). */
  visitsOnTablet?: boolean;
  /** The visit pack has been downloaded and verified (default false). */
  packReady?: boolean;
  names?: string[];
  /** The organiser's PIN for leaving person mode, already set on the tablet (default ORGANISER_PIN; null: not yet set). */
  organiserPin?: string | null;
  /** Extra files and settings in the pack (captions, voice, personMode). */
  pack?: PackOptions;
}

export interface World {
  db: HearthDatabase;
  office: FakeOffice;
  sync: SyncEngine;
  services: AppServices;
  pack: VisitPack;
  files: TestFile[];
  visitId: string;
}

let databaseCounter = 0;
let randomCounter = 0;

/** A fresh world per test: its own Dexie database, an in-memory office with one visit, a real sync engine (not started). */
export async function makeWorld(options: WorldOptions = {}): Promise<World> {
  const { signedIn = true, visitsOnTablet = true, packReady = false, names, pack: packOptions, organiserPin = ORGANISER_PIN } = options;
  // The data key in memory, as after a sign-in (tests of the lock drop it: db.dataKey.drop()).
  const db = holdTestDataKey(openHearthDatabase(`hearth-ui-test-${++databaseCounter}-${Date.now()}`));
  const office = new FakeOffice();
  const { pack, files } = await makePack(names, packOptions);
  office.addPack(pack, files);
  const now = () => TEST_NOW;
  const sync = createSyncEngine({ db, transport: office, now });
  const services: AppServices = {
    db,
    transport: office,
    sync,
    now,
    // Counter-based, so two events in one instant (undo, re-record) still get different ids.
    randomBytes: (count) => {
      randomCounter += 1;
      return Uint8Array.from({ length: count }, (_, i) => (randomCounter * 13 + i) % 256);
    },
  };

  if (signedIn) {
    await saveSession(db, office.session, TEST_NOW);
    await getOrCreateDevice(db, TEST_DEVICE_LABEL, testId);
  }
  if (organiserPin !== null) await setOrganiserPin(db, organiserPin, TEST_NOW, (n) => new Uint8Array(n).fill(9));
  if (visitsOnTablet) await refreshVisits(db, office);
  if (packReady) {
    const result = await downloadVisitPack(db, office, pack.visit.id, { now });
    if (!result.ok) throw new Error(`test pack did not download: ${result.reason}`);
  }

  resetPersonModeStore();
  resetUpdateStore();
  onTestFinished(async () => {
    sync.stop();
    cleanup(); // unmount before the database goes, so no live query reads a closed database
    await db.delete();
  });
  return { db, office, sync, services, pack, files, visitId: pack.visit.id };
}

/** Renders the whole app at `path` in a memory router, over the world's services. */
export function renderApp(world: World, path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const result: RenderResult = render(<App services={world.services} router={router} />);
  return { ...result, user, router };
}

/** makeWorld then renderApp, for the usual case. */
export async function renderAt(path: string, options: WorldOptions = {}) {
  const world = await makeWorld(options);
  return { world, ...renderApp(world, path) };
}
