import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { putFormDraft } from '../../../src/local-db/form-drafts';
import { getSession } from '../../../src/local-db/queries';
import { unlockAtSignIn } from '../../../src/local-db/unlock';
import { makeCarerProfileView, makeCareWorkerSession, makeSession } from '../../support/factories';
import { makeWorld, renderApp, TEST_NOW } from '../../support/render';

/** An office whose signing-in account is Sam, a care worker with a one-page profile. */
async function careWorkerWorld() {
  const world = await makeWorld({ signedIn: false, visitsOnTablet: false, organiserPin: null });
  const sam = makeCarerProfileView();
  world.office.carerProfiles.set(sam.id, sam);
  world.office.session = makeCareWorkerSession(sam.id);
  return { world, sam };
}

async function signIn(user: ReturnType<typeof renderApp>['user'], password: string) {
  await user.type(await screen.findByLabelText('Email address'), 'sam@demo.hearth.test');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('a care worker signing in on the office website', () => {
  it('reaches their own one-page profile without a tablet key or enrolling the device; a personal key is stored, naming only their account', async () => {
    const { world } = await careWorkerWorld();
    const { user, router } = renderApp(world, '/login');
    await signIn(user, world.office.password);

    expect(await screen.findByRole('heading', { level: 1, name: 'My one-page profile' }, { timeout: 5000 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/my-profile');
    expect((await getSession(world.db))?.session.user.role).toBe('care-worker');
    // The office was not asked for a key and no tablet was enrolled; the key stored here is wrapped by their password only.
    expect(world.office.tabletKeys.size).toBe(0);
    expect(world.office.devices.size).toBe(0);
    expect(await world.db.keyring.count()).toBe(1);
    const stored = await world.db.keyring.get('data');
    expect(stored).toMatchObject({ kind: 'personal', accountId: world.office.session.user.id });
    expect(stored).not.toHaveProperty('office');
    expect(JSON.stringify(stored)).not.toMatch(/sam|Sam|hearth-demo/);
  });

  it('after a reload (the key gone from memory) can still sign in again with email, and reaches the profile', async () => {
    const { world } = await careWorkerWorld();
    const first = renderApp(world, '/login');
    await signIn(first.user, world.office.password);
    await screen.findByRole('heading', { level: 1, name: 'My one-page profile' }, { timeout: 5000 });
    first.unmount();

    world.db.dataKey.drop(); // what a reload does
    const { user } = renderApp(world, '/my-profile');
    expect(await screen.findByRole('heading', { level: 1, name: 'Unlock Hearth' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in with your email instead' }));
    await signIn(user, world.office.password);
    expect(await screen.findByRole('heading', { level: 1, name: 'My one-page profile' }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('is refused plainly on a tablet holding an organiser’s visit records, which stay locked', async () => {
    const { world } = await careWorkerWorld();
    await unlockAtSignIn(world.db, 'organiser-password', new Uint8Array(32).fill(7), TEST_NOW);
    const stored = await world.db.keyring.get('data');
    const { user, router } = renderApp(world, '/login');
    await signIn(user, world.office.password);

    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(/holds an organiser’s visit records/i);
    expect(router.state.location.pathname).toBe('/login');
    expect(await world.db.keyring.get('data')).toEqual(stored);
    expect(world.office.tabletKeys.size).toBe(0);
  });

  it('an organiser signing in on a browser holding a care worker’s key makes it their tablet; the care worker’s draft and session are cleared', async () => {
    const { world, sam } = await careWorkerWorld();
    const first = renderApp(world, '/login');
    await signIn(first.user, world.office.password);
    await screen.findByRole('heading', { level: 1, name: 'My one-page profile' }, { timeout: 5000 });
    await putFormDraft(world.db, { key: `carer:${sam.id}`, values: { about: 'Sam typing' }, basedOnUpdatedAt: null, savedAt: TEST_NOW.toISOString() });
    first.unmount();

    world.db.dataKey.drop();
    world.office.session = makeSession();
    const { user } = renderApp(world, '/my-profile');
    await user.click(await screen.findByRole('button', { name: 'Sign in with your email instead' }));
    await user.type(screen.getByLabelText('Email address'), 'organiser@demo.hearth.test');
    await user.type(screen.getByLabelText('Password'), world.office.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Planned visits' }, { timeout: 5000 })).toBeInTheDocument();
    expect((await getSession(world.db))?.session.user.role).toBe('organiser');
    expect(await world.db.keyring.get('data')).toHaveProperty('office');
    expect(await world.db.formDrafts.count()).toBe(0);
    expect(world.office.tabletKeys.size).toBe(1);
  });
});
