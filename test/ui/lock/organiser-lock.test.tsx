import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { WRONG_PINS_BEFORE_DROP } from '../../../src/local-db/data-key';
import { getDevice, getOrCreateDevice, saveSession } from '../../../src/local-db/queries';
import { refreshVisits } from '../../../src/sync/visit-list';
import { lockScreen, unlockAtSignIn } from '../../../src/local-db/unlock';
import { INACTIVITY_LOCK_MS } from '../../../src/ui/lock/use-inactivity-lock';
import { openPersonMode, QUESTION } from '../../support/person-mode';
import { testId } from '../../support/factories';
import { makeWorld, ORGANISER_PIN, renderApp, renderAt, TEST_NOW, type World } from '../../support/render';

// RELIABILITY A5 (the inactivity lock hides all personal data) and A7 (PINs, then the password).

const PASSWORD = 'the organiser password';
const VISIT_LINK = 'Hilda, Wednesday 25 November, 10:00';

/** What the inactivity timer does after five minutes without use (the timer itself: use-inactivity-lock.test.tsx). */
function idle(world: World) {
  act(() => lockScreen(world.db));
}

/**
 * A tablet signed in the real way: the data key made and wrapped by the office's key and the password,
 * then the session and the visit list sealed with it, so the password can open them again later.
 */
async function signedInForReal(): Promise<World> {
  const world = await makeWorld({ signedIn: false, visitsOnTablet: false });
  world.db.dataKey.drop();
  await getOrCreateDevice(world.db, 'Test tablet', testId);
  const device = await getDevice(world.db);
  world.office.signedIn = true;
  const { keyHex } = await world.office.fetchTabletKey({ deviceId: device!.deviceId, password: world.office.password });
  const secret = Uint8Array.from(keyHex.match(/../g) ?? [], (h) => parseInt(h, 16));
  expect(await unlockAtSignIn(world.db, PASSWORD, secret, TEST_NOW)).toBe('created');
  await saveSession(world.db, world.office.session, TEST_NOW);
  await refreshVisits(world.db, world.office);
  return world;
}

describe('the organiser lock', () => {
  it('locks after five minutes without use, showing nothing of anyone, and the PIN opens it again', async () => {
    const { world, user } = await renderAt('/');
    expect(await screen.findByRole('link', { name: VISIT_LINK })).toBeInTheDocument();

    idle(world);
    expect(await screen.findByRole('heading', { level: 1, name: 'Hearth is locked' })).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/Hilda|Blackpool|Sam/);

    await user.type(screen.getByLabelText('Your PIN'), ORGANISER_PIN);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('link', { name: VISIT_LINK }, { timeout: 5000 })).toBeInTheDocument();
  });

  it(`asks for the password after ${WRONG_PINS_BEFORE_DROP} wrong PINs; the right PIN no longer opens it; the password does`, async () => {
    const world = await signedInForReal();
    const { user } = renderApp(world, '/');
    expect(await screen.findByRole('link', { name: VISIT_LINK })).toBeInTheDocument();
    idle(world);
    expect(await screen.findByRole('heading', { level: 1, name: 'Hearth is locked' })).toBeInTheDocument();

    const tryPin = async (pin: string) => {
      await user.type(screen.getByLabelText('Your PIN'), pin);
      await user.click(await screen.findByRole('button', { name: 'Unlock' })); // not 'Checking…'
    };
    for (let left = WRONG_PINS_BEFORE_DROP - 1; left > 0; left--) {
      await tryPin('0000');
      expect(await screen.findByText(new RegExp(`That PIN is not right. ${left === 1 ? 'One more wrong PIN' : `${left} more`}`))).toBeInTheDocument();
    }
    await tryPin('0000');
    expect(await screen.findByRole('heading', { level: 1, name: 'Unlock Hearth' })).toBeInTheDocument();
    expect(world.db.dataKey.state()).toBe('no-key');
    expect(screen.queryByLabelText('Your PIN')).not.toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/Hilda|Blackpool/);

    world.office.online = false; // offline: only the password on the tablet can open it
    await user.type(screen.getByLabelText('Password'), 'not the password');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('That password did not open Hearth.');
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('link', { name: VISIT_LINK }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('offers the password at once to an organiser who has forgotten the PIN, and the password opens it', async () => {
    const world = await signedInForReal();
    const { user } = renderApp(world, '/');
    expect(await screen.findByRole('link', { name: VISIT_LINK })).toBeInTheDocument();
    idle(world);
    await user.click(await screen.findByRole('button', { name: 'I have forgotten the PIN: use my password' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Unlock Hearth' })).toBeInTheDocument();
    expect(world.db.dataKey.state()).toBe('no-key');
    expect(document.body.textContent).not.toMatch(/Hilda|Blackpool/);
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('link', { name: VISIT_LINK }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('asks for the password when the app opens with no key in memory (a reload)', async () => {
    const world = await signedInForReal();
    world.db.dataKey.drop();
    const { user } = renderApp(world, '/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Unlock Hearth' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('link', { name: VISIT_LINK }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('does not lock in person mode: the person may take their time', async () => {
    await openPersonMode();
    expect(await screen.findByRole('heading', { name: QUESTION })).toBeInTheDocument();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      act(() => vi.advanceTimersByTime(INACTIVITY_LOCK_MS * 3));
    } finally {
      vi.useRealTimers();
    }
    expect(screen.getByRole('heading', { name: QUESTION })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Hearth is locked' })).not.toBeInTheDocument();
  });
});
