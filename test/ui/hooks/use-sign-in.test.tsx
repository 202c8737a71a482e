import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getSession } from '../../../src/local-db/queries';
import { unlockAtSignIn } from '../../../src/local-db/unlock';
import { makeCarerProfileView, makeCareWorkerSession } from '../../support/factories';
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
  it('reaches their own one-page profile without a tablet key or enrolling the device', async () => {
    const { world } = await careWorkerWorld();
    const { user, router } = renderApp(world, '/login');
    await signIn(user, world.office.password);

    expect(await screen.findByRole('heading', { level: 1, name: 'My one-page profile' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/my-profile');
    expect((await getSession(world.db))?.session.user.role).toBe('care-worker');
    // The office was not asked for a key and no tablet was enrolled; no key is stored on this browser.
    expect(world.office.tabletKeys.size).toBe(0);
    expect(world.office.devices.size).toBe(0);
    expect(await world.db.keyring.count()).toBe(0);
  });

  it('after a reload (the key gone from memory) signs in again with email and reaches the profile', async () => {
    const { world } = await careWorkerWorld();
    const first = renderApp(world, '/login');
    await signIn(first.user, world.office.password);
    await screen.findByRole('heading', { level: 1, name: 'My one-page profile' });
    first.unmount();

    world.db.dataKey.drop(); // what a reload does
    const { user } = renderApp(world, '/my-profile');
    expect(await screen.findByRole('heading', { level: 1, name: 'Unlock Hearth' })).toBeInTheDocument();
    await signIn(user, world.office.password);
    expect(await screen.findByRole('heading', { level: 1, name: 'My one-page profile' })).toBeInTheDocument();
  });

  it('is refused plainly on a tablet holding an organiser’s visit records, which stay locked', async () => {
    const { world } = await careWorkerWorld();
    await unlockAtSignIn(world.db, 'organiser-password', new Uint8Array(32).fill(7), TEST_NOW);
    const stored = await world.db.keyring.get('data');
    const { user, router } = renderApp(world, '/login');
    await signIn(user, world.office.password);

    expect(await screen.findByRole('alert')).toHaveTextContent(/holds an organiser’s visit records/i);
    expect(router.state.location.pathname).toBe('/login');
    expect(await world.db.keyring.get('data')).toEqual(stored);
    expect(world.office.tabletKeys.size).toBe(0);
  });
});
