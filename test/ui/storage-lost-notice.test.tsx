import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { checkForEviction } from '../../src/local-db/eviction-sentinel';
import { getSyncState, updateSyncState } from '../../src/local-db/queries';
import { makeWorld, renderApp, TEST_NOW } from '../support/render';

const options = { now: () => TEST_NOW, makeMarker: () => crypto.randomUUID() };

afterEach(() => localStorage.clear());

describe('the notice that the browser cleared Hearth’s storage (F7, the tablet’s half)', () => {
  it('says plainly what was lost and what to do, shows the browser’s answer, and goes once the organiser has told the office', async () => {
    const world = await makeWorld({ visitsOnTablet: false });
    // A launch that found localStorage's marker but not the database's: as after an eviction.
    localStorage.setItem(`hearth.install-marker.${world.db.name}`, 'an-earlier-install');
    await updateSyncState(world.db, { storagePersisted: false });
    expect((await checkForEviction(world.db, localStorage, options)).kind).toBe('evicted');

    const { user } = renderApp(world, '/tablet');
    const heading = await screen.findByRole('heading', { level: 2, name: 'This tablet has lost what Hearth kept on it' });
    const notice = heading.closest('section')!;
    expect(notice).toHaveTextContent(/decisions and notes from visits, and every visit downloaded/i);
    expect(notice).toHaveTextContent(/tell the office today/i);
    expect(notice).toHaveTextContent(/downloaded visits with no outcome/i);
    expect(notice).toHaveTextContent(/the browser had not agreed to keep Hearth’s data/i);

    await user.click(screen.getByRole('button', { name: 'I have told the office' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: /has lost what Hearth kept/i })).not.toBeInTheDocument());
    expect((await getSyncState(world.db)).storageLostAt).toBeUndefined();
  });

  it('is absent after a normal launch, and appears as soon as a launch records a loss', async () => {
    const world = await makeWorld({ visitsOnTablet: false });
    expect((await checkForEviction(world.db, localStorage, options)).kind).toBe('first-open');
    expect((await checkForEviction(world.db, localStorage, options)).kind).toBe('intact');
    renderApp(world, '/tablet');
    expect(await screen.findByRole('heading', { level: 1, name: 'This tablet' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /has lost what Hearth kept/i })).not.toBeInTheDocument();

    await updateSyncState(world.db, { storageLostAt: TEST_NOW.toISOString() });
    expect(await screen.findByRole('heading', { level: 2, name: 'This tablet has lost what Hearth kept on it' })).toBeInTheDocument();
    expect(screen.getByText(/when Hearth opened at 10:31/i)).toBeInTheDocument();
  });
});
