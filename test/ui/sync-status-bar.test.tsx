import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { recordOutcome } from '../../src/local-db/record-event';
import { giveTabletBack } from '../support/person-mode';
import { renderAt, TEST_NOW, type World } from '../support/render';

function chooseSam(world: World) {
  const sam = world.pack.candidates[0]!;
  return recordOutcome(
    world.db,
    { visitId: world.visitId, outcome: 'chosen', chosenCarerId: sam.id, orderShown: world.pack.candidates.map((c) => c.id) },
    { now: () => TEST_NOW, randomBytes: (n) => new Uint8Array(n).fill(3) },
  );
}

const syncBar = async () => within(await screen.findByRole('region', { name: 'Sending to the office' }));

describe('the sync status bar', () => {
  it('shows a choice made in person mode as waiting, and "Sync now" sends it to the office once', async () => {
    const { world, user, router } = await renderAt('/', { packReady: true });
    await router.navigate(`/person/${world.visitId}`);
    await user.click(await screen.findByRole('button', { name: 'Choose Sam' }));
    await giveTabletBack(user);

    expect(await (await syncBar()).findByText('1 record waiting to be sent')).toBeInTheDocument();
    expect((await syncBar()).getByText('Not yet sent')).toBeInTheDocument();

    await user.click((await syncBar()).getByRole('button', { name: 'Sync now' }));

    expect(await (await syncBar()).findByText('Nothing waiting to be sent')).toBeInTheDocument();
    expect(await (await syncBar()).findByText('Last sent to the office at 10:31')).toBeInTheDocument();
    expect(world.office.stored.size).toBe(1);
    expect([...world.office.stored.values()][0]!.event).toMatchObject({ type: 'OutcomeRecorded', payload: { outcome: 'chosen' } });

    await user.click((await syncBar()).getByRole('button', { name: 'Sync now' }));
    expect(world.office.stored.size).toBe(1);
  });

  it('says when the tablet is offline and keeps the record', async () => {
    const { world, user } = await renderAt('/');
    await chooseSam(world);
    world.office.online = false;
    await user.click(await (await syncBar()).findByRole('button', { name: 'Sync now' }));

    expect(await (await syncBar()).findByText(/this tablet is offline/i)).toBeInTheDocument();
    expect(await (await syncBar()).findByText('Problem: No connection to the office right now.')).toBeInTheDocument();
    expect((await syncBar()).getByText('1 record waiting to be sent')).toBeInTheDocument();
    expect(await world.db.outbox.count()).toBe(1);
  });
});

describe('records the office does not accept', () => {
  it('lists each with the reason, keeps it on the tablet, and "Try again" sends it once the office takes it', async () => {
    const { world, user } = await renderAt('/', { packReady: true });
    const event = await chooseSam(world);
    // The office already holds a record with this id and other details (RELIABILITY F4).
    const clash = { ...event, payload: { ...event.payload, outcome: 'none-of-these' as const, chosenCarerId: null } };
    world.office.stored.set(event.id, { event: clash, hash: JSON.stringify(clash) });
    await user.click(await (await syncBar()).findByRole('button', { name: 'Sync now' }));

    const bar = await syncBar();
    expect(await bar.findByText('1 record was not accepted by the office:')).toBeInTheDocument();
    expect(bar.getByText('Hilda’s answer: This record clashes with one the office already has. (tried 1 time)')).toBeInTheDocument();
    expect(await world.db.outbox.count()).toBe(1);

    world.office.stored.delete(event.id); // the office sorted it out
    await user.click(bar.getByRole('button', { name: 'Try again' }));
    expect(await bar.findByText('Nothing waiting to be sent')).toBeInTheDocument();
    // The count and the list are separate live queries: the list may go a moment after the count.
    await waitFor(() => expect(bar.queryByText(/not accepted by the office/)).not.toBeInTheDocument());
    expect(world.office.stored.get(event.id)?.event).toEqual(event);
  });
});

// Signing out (sending what waits, then wiping the tablet) is tested in sign-out.test.tsx.
