import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkOrganiserPin } from '../../src/local-db/organiser-pin';
import { getSyncState } from '../../src/local-db/queries';
import type { DeviceStorage } from '../../src/ui/pwa/device-storage';
import { makeWorld, ORGANISER_PIN, renderApp, renderAt, TEST_NOW } from '../support/render';

const NEW_PIN = '913746';

async function openTabletScreen(options: Parameters<typeof renderAt>[1] = {}) {
  const rendered = await renderAt('/tablet', options);
  await screen.findByRole('heading', { level: 1, name: 'This tablet' });
  return rendered;
}

describe('"This tablet": the person-mode PIN', () => {
  it('is in the main navigation, and says when no PIN is set yet', async () => {
    await openTabletScreen({ organiserPin: null });
    // The navigation follows the session, which may be read after the screen's heading shows.
    expect(await screen.findByRole('link', { name: 'This tablet' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { level: 2, name: 'Person mode PIN' })).toBeInTheDocument();
    expect(await screen.findByText(/You will set it the first time you hand the tablet over/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Current PIN')).not.toBeInTheDocument();
  });

  it('a wrong current PIN changes nothing, and says so next to the field', async () => {
    const { user, world } = await openTabletScreen();
    await user.type(await screen.findByLabelText('Current PIN'), '1111');
    await user.type(screen.getByLabelText('New PIN'), NEW_PIN);
    await user.type(screen.getByLabelText('Type the new PIN again'), NEW_PIN);
    await user.click(screen.getByRole('button', { name: 'Change the PIN' }));
    const current = screen.getByLabelText('Current PIN');
    await waitFor(() => expect(current).toHaveAccessibleDescription('That is not the PIN on this tablet. The PIN has not changed.'));
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(current).toHaveFocus();
    expect(await checkOrganiserPin(world.db, ORGANISER_PIN, TEST_NOW)).toBe('right');
    expect(await checkOrganiserPin(world.db, NEW_PIN, TEST_NOW)).toBe('wrong');
  });

  it('asks for a current PIN, a new PIN of 4 to 6 numbers, and the same new PIN twice', async () => {
    const { user, world } = await openTabletScreen();
    await user.click(await screen.findByRole('button', { name: 'Change the PIN' }));
    expect(screen.getByLabelText('Current PIN')).toHaveAccessibleDescription('Type the PIN you use now.');
    expect(screen.getByLabelText('New PIN')).toHaveAccessibleDescription('The new PIN must be 4 to 6 numbers.');

    await user.type(screen.getByLabelText('Current PIN'), ORGANISER_PIN);
    await user.type(screen.getByLabelText('New PIN'), NEW_PIN);
    await user.type(screen.getByLabelText('Type the new PIN again'), '913747');
    await user.click(screen.getByRole('button', { name: 'Change the PIN' }));
    expect(screen.getByLabelText('Current PIN')).not.toHaveAccessibleDescription();
    expect(screen.getByLabelText('New PIN')).not.toHaveAccessibleDescription();
    expect(screen.getByLabelText('Type the new PIN again')).toHaveAccessibleDescription('The two new PINs are not the same. Type the new PIN again.');
    expect(screen.getByLabelText('Type the new PIN again')).toHaveFocus();
    expect(await checkOrganiserPin(world.db, ORGANISER_PIN, TEST_NOW)).toBe('right');
  });

  it('with the right current PIN, changes it and says so', async () => {
    const { user, world } = await openTabletScreen();
    await user.type(await screen.findByLabelText('Current PIN'), ORGANISER_PIN);
    await user.type(screen.getByLabelText('New PIN'), NEW_PIN);
    await user.type(screen.getByLabelText('Type the new PIN again'), NEW_PIN);
    await user.click(screen.getByRole('button', { name: 'Change the PIN' }));
    const done = await screen.findByText('The PIN is changed. Use the new PIN next time you leave person mode.');
    expect(done).toHaveRole('status');
    expect(await checkOrganiserPin(world.db, NEW_PIN, TEST_NOW)).toBe('right');
    expect(await checkOrganiserPin(world.db, ORGANISER_PIN, TEST_NOW)).toBe('wrong');
    for (const label of ['Current PIN', 'New PIN', 'Type the new PIN again']) expect(screen.getByLabelText(label)).toHaveValue('');
  });
});

describe('"This tablet": storage', () => {
  /** A browser that has 50 MB used of 2 GB, and keeps Hearth's data only once asked `agreeAfter` times. */
  function fakeStorage(agreeAfter: number): DeviceStorage & { asked: number } {
    const storage = {
      asked: 0,
      estimate: async () => ({ usage: 50_000_000, quota: 2_050_000_000 }),
      persisted: async () => storage.asked >= agreeAfter,
      persist: async () => ++storage.asked >= agreeAfter,
    };
    return storage;
  }

  it('shows the room used and free, and whether the browser keeps Hearth’s data; asking again is recorded', async () => {
    const world = await makeWorld();
    const storage = fakeStorage(2);
    world.services.storage = storage;
    const { user } = renderApp(world, '/tablet');
    const section = await screen.findByRole('region', { name: 'Storage' });
    expect(await within(section).findByText('50 MB')).toBeInTheDocument();
    expect(within(section).getByText('2,000 MB')).toBeInTheDocument();
    expect(within(section).getByText('Not asked yet')).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Ask to keep Hearth’s data' }));
    expect(await within(section).findByText('No')).toBeInTheDocument();
    expect(await getSyncState(world.db)).toMatchObject({ storagePersisted: false, storagePersistCheckedAt: TEST_NOW.toISOString() });

    await user.click(within(section).getByRole('button', { name: 'Ask to keep Hearth’s data' }));
    expect(await within(section).findByText('Yes')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Ask to keep Hearth’s data' })).not.toBeInTheDocument();
    expect((await getSyncState(world.db)).storagePersisted).toBe(true);
  });

  it('says so plainly when the browser cannot tell', async () => {
    await openTabletScreen();
    expect(await screen.findByText(/This browser does not say how much room there is/)).toBeInTheDocument();
  });
});
