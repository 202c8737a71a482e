import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { putFormDraft } from '../../src/local-db/form-drafts';
import { openPersonalKey } from '../../src/local-db/personal-key';
import { getSession, saveSession } from '../../src/local-db/queries';
import { recordOutcome } from '../../src/local-db/record-event';
import { resetWipeThisTablet } from '../../src/ui/pwa/wipe-this-tablet';
import { resetWipeStore } from '../../src/ui/stores/wipe-store';
import { makeCarerProfileView, makeCareWorkerSession } from '../support/factories';
import { makeWorld, renderApp, renderAt, TEST_NOW, type World } from '../support/render';

afterEach(() => {
  resetWipeStore();
  resetWipeThisTablet();
});

function chooseSam(world: World) {
  const sam = world.pack.candidates[0]!;
  return recordOutcome(
    world.db,
    { visitId: world.visitId, outcome: 'chosen', chosenCarerId: sam.id, orderShown: world.pack.candidates.map((c) => c.id) },
    { now: () => TEST_NOW, randomBytes: (n) => new Uint8Array(n).fill(3) },
  );
}

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);

describe('signing out', () => {
  it('with nothing waiting, signs out at the office and wipes the tablet', async () => {
    const { world, user } = await renderAt('/', { packReady: true });
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'You have signed out' })).toBeInTheDocument();
    expect(await screen.findByText('Nothing about anyone is stored on this tablet now.', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in again' })).toHaveAttribute('href', '/login');
    expect(world.office.signedIn).toBe(false);
    expect(await databaseNames()).not.toContain(world.db.name);
  });

  it('sends what is waiting first, then wipes', async () => {
    const { world, user } = await renderAt('/', { packReady: true });
    const event = await chooseSam(world);
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByText('Nothing about anyone is stored on this tablet now.', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(world.office.stored.get(event.id)?.event).toEqual(event);
    expect(await databaseNames()).not.toContain(world.db.name);
  });

  it('offline with records waiting, says how many, wipes nothing and offers to stay signed in', async () => {
    const { world, user } = await renderAt('/', { packReady: true });
    await chooseSam(world);
    world.office.online = false;
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('1 record has not reached the office yet, and Hearth cannot send it now. Nothing has been deleted.');
    expect(await world.db.outbox.count()).toBe(1);
    expect(await world.db.files.count()).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Stay signed in' }));
    expect(await getSession(world.db)).toBeDefined();

    // Back online: trying again sends it, then signs out and wipes.
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('alert');
    world.office.online = true;
    await user.click(screen.getByRole('button', { name: 'Try sending again' }));
    expect(await screen.findByText('Nothing about anyone is stored on this tablet now.', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(world.office.stored.size).toBe(1);
  });

  it('can sign out keeping unsent records on the tablet, not wiping them', async () => {
    const { world, user } = await renderAt('/');
    await chooseSam(world);
    world.office.online = false;
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await user.click(await screen.findByRole('button', { name: 'Sign out and keep them on this tablet' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(await world.db.outbox.count()).toBe(1);
  });
});

describe('a care worker signing out', () => {
  /** Sam signed in on the office website: a personal key stored here, a draft typed, not saved. */
  async function samSignedIn() {
    const world = await makeWorld({ signedIn: false, visitsOnTablet: false, organiserPin: null });
    world.db.dataKey.drop();
    const sam = makeCarerProfileView();
    world.office.carerProfiles.set(sam.id, sam);
    world.office.session = makeCareWorkerSession(sam.id);
    world.office.signedIn = true;
    expect(await openPersonalKey(world.db, world.office.session.user.id, world.office.password, TEST_NOW)).toBe('created');
    await saveSession(world.db, world.office.session, TEST_NOW);
    await putFormDraft(world.db, { key: `person:${sam.id}`, values: { note: 'typed' }, basedOnUpdatedAt: null, savedAt: TEST_NOW.toISOString() });
    return world;
  }

  it('"Sign out everywhere" removes their personal key and draft from this browser, not just the session', async () => {
    const world = await samSignedIn();
    const { user } = renderApp(world, '/my-profile');
    const section = await screen.findByRole('region', { name: 'Your password' }, { timeout: 5000 });
    await user.click(within(section).getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByRole('button', { name: 'Sign in' }, { timeout: 5000 })).toBeInTheDocument();
    expect(await world.db.keyring.count()).toBe(0);
    expect(await world.db.formDrafts.count()).toBe(0);
    expect(await world.db.session.count()).toBe(0);
    expect(world.db.dataKey.state()).toBe('no-key');
  });

  it('"Sign out" wipes the browser: the personal key goes with the database', async () => {
    const world = await samSignedIn();
    const { user } = renderApp(world, '/my-profile');
    await user.click(await screen.findByRole('button', { name: 'Sign out' }, { timeout: 5000 }));
    expect(await screen.findByRole('heading', { level: 1, name: 'You have signed out' }, { timeout: 5000 })).toBeInTheDocument();
    expect(await screen.findByText('Nothing about anyone is stored on this tablet now.', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(await databaseNames()).not.toContain(world.db.name);
  });
});
