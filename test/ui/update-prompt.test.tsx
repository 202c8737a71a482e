import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { recordOutcome } from '../../src/local-db/record-event';
import { useUpdateStore } from '../../src/ui/stores/update-store';
import { makeWorld, renderApp, TEST_NOW } from '../support/render';

describe('the update prompt', () => {
  it('offers a waiting new version on organiser screens, and updates only when asked', async () => {
    const world = await makeWorld();
    const applyUpdate = vi.fn();
    useUpdateStore.getState().offerUpdate(applyUpdate);
    const { user } = renderApp(world, '/');

    expect(await screen.findByText('A new version of Hearth is ready.')).toBeInTheDocument();
    expect(applyUpdate).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Update now' }));
    expect(applyUpdate).toHaveBeenCalledOnce();
  });

  it('can be put off', async () => {
    const world = await makeWorld();
    useUpdateStore.getState().offerUpdate(vi.fn());
    const { user } = renderApp(world, '/');
    await user.click(await screen.findByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('button', { name: 'Update now' })).not.toBeInTheDocument();
  });

  it('is never shown while records wait to be sent', async () => {
    const world = await makeWorld({ packReady: true });
    await recordOutcome(
      world.db,
      { visitId: world.visitId, outcome: 'none-of-these', chosenCarerId: null, orderShown: world.pack.candidates.map((c) => c.id) },
      { now: () => TEST_NOW, randomBytes: (n) => new Uint8Array(n) },
    );
    useUpdateStore.getState().offerUpdate(vi.fn());
    renderApp(world, '/');
    expect(await screen.findByText('1 record waiting to be sent')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Update now' })).not.toBeInTheDocument();
  });

  it('is never shown in person mode', async () => {
    const world = await makeWorld({ packReady: true });
    useUpdateStore.getState().offerUpdate(vi.fn());
    renderApp(world, `/person/${world.visitId}`);
    expect(await screen.findByRole('heading', { level: 1, name: /who would you like to support you/i })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Update now' })).not.toBeInTheDocument();
  });
});
