import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAt } from '../support/render';

describe('planned visits', () => {
  it('shows the visit with its date in words, place, candidates and pack status', async () => {
    await renderAt('/');
    const link = await screen.findByRole('link', { name: 'Hilda, Wednesday 25 November, 10:00' });
    const item = link.closest('li')!;
    expect(within(item).getByText('Her own bungalow near Blackpool')).toBeInTheDocument();
    expect(within(item).getByText('3 care workers to meet')).toBeInTheDocument();
    expect(within(item).getByText('Not on this tablet yet')).toBeInTheDocument();
    expect(link).toHaveAttribute('href', expect.stringMatching(/^\/visits\//));
  });

  it('fetches the list from the office when it opens', async () => {
    await renderAt('/', { visitsOnTablet: false });
    expect(await screen.findByRole('link', { name: /hilda/i })).toBeInTheDocument();
    expect(await screen.findByText('Up to date with the office.')).toBeInTheDocument();
  });

  it("shows the tablet's own copy when offline", async () => {
    const { world } = await renderAt('/', { packReady: true });
    world.office.online = false;
    expect(await screen.findByText(/no connection to the office: showing the copy saved on this tablet/i)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: /hilda/i })).toBeInTheDocument();
    expect(screen.getByText('Ready to use offline')).toBeInTheDocument();
  });

  it('shows why a download failed and offers to try again', async () => {
    const { world, user } = await renderAt('/');
    await world.db.visits.update(world.visitId, { packStatus: 'failed', packError: 'A file did not arrive intact.' });
    expect(await screen.findByText('Download failed: A file did not arrive intact.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Ready to use offline')).toBeInTheDocument();
  });

  it('shows the share of a download in progress', async () => {
    const { world } = await renderAt('/');
    await world.db.visits.update(world.visitId, { packStatus: 'downloading', bytesTotal: 200, bytesStored: 90 });
    expect(await screen.findByText('Getting ready… 45%')).toBeInTheDocument();
  });
});
