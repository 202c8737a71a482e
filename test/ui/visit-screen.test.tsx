import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getLocalPersonModeSettings, listOutbox } from '../../src/local-db/queries';
import { recordOutcome } from '../../src/local-db/record-event';
import { testId } from '../support/factories';
import { renderAt, TEST_NOW } from '../support/render';

const clock = { now: () => TEST_NOW, randomBytes: (n: number) => new Uint8Array(n).fill(1) };

describe('a visit', () => {
  it('"Get ready for offline use" stores every file, fills the progress bar and then offers the hand-over', async () => {
    const { world, user } = await renderAt('/');
    await user.click(await screen.findByRole('link', { name: /hilda/i }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Visit to Hilda' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /hand the tablet/i })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Get ready for offline use' }));

    expect(await screen.findByText('Ready to use offline')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Download progress' })).toHaveAttribute('aria-valuenow', '100');
    expect(await world.db.files.count()).toBe(world.files.length);
    expect((await world.db.visits.get(world.visitId))?.packStatus).toBe('ready');
    expect(screen.getByRole('button', { name: 'Hand the tablet to Hilda' })).toBeInTheDocument();
  });

  it('says so when the visit is not on the tablet, with a way back', async () => {
    await renderAt(`/visits/${testId()}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'This visit is not on this tablet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to planned visits' })).toBeInTheDocument();
  });

  it('lists the profile and candidates, and hands over to person mode', async () => {
    const { world, user, router } = await renderAt('/', { packReady: true, organiserPin: null });
    await router.navigate(`/visits/${world.visitId}`);
    expect(await screen.findByRole('heading', { name: "Hilda's one-page profile" })).toBeInTheDocument();
    const candidates = screen.getByRole('region', { name: 'Care workers Hilda will meet' });
    expect(within(candidates).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Sam', 'Grace', 'Tom']);

    await user.click(screen.getByRole('button', { name: 'Hand the tablet to Hilda' }));
    // The first hand-over on this tablet asks the organiser for a PIN first.
    expect(await screen.findByRole('heading', { level: 1, name: 'Set your PIN before you hand over' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('New PIN'), '2580');
    await user.type(screen.getByLabelText('Type the PIN again'), '2580');
    await user.click(screen.getByRole('button', { name: 'Save the PIN and hand over' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Who would you like to support you, Hilda?' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/person/${world.visitId}`);
  });

  it('"Person mode settings for Hilda" are saved on the tablet, queued for the office, and used at once', async () => {
    const { world, user, router } = await renderAt('/', { packReady: true });
    await router.navigate(`/visits/${world.visitId}`);
    const settings = await screen.findByRole('region', { name: 'Person mode settings for Hilda' });
    expect(within(settings).getByRole('checkbox', { name: /show what people appreciate first/i })).toBeChecked();
    await user.click(within(settings).getByRole('radio', { name: 'Cymraeg (Welsh)' }));
    await user.click(within(settings).getByRole('radio', { name: 'Larger' }));
    await user.click(within(settings).getByRole('checkbox', { name: /high contrast/i }));
    await user.click(within(settings).getByRole('radio', { name: 'Hold to choose (dwell)' }));
    await user.selectOptions(within(settings).getByLabelText('Hold for (seconds)'), '2');
    await user.click(within(settings).getByRole('button', { name: 'Save settings for Hilda' }));
    expect(await within(settings).findByText('Saved. Person mode will use these settings.')).toBeInTheDocument();

    const [queued] = await listOutbox(world.db);
    expect(queued?.event).toMatchObject({
      type: 'PersonModeSettingsChanged',
      payload: {
        personId: world.pack.person.id,
        settings: { language: 'cy', textSize: 'larger', highContrast: true, selection: 'dwell', dwellMs: 2000, descriptionFirst: true },
      },
    });
    expect((await getLocalPersonModeSettings(world.db, world.pack.person.id))?.language).toBe('cy');
  });

  it('shows an outcome recorded on this tablet, and whether it has been sent', async () => {
    const { world, user } = await renderAt('/', { packReady: true });
    const sam = world.pack.candidates[0]!;
    await recordOutcome(
      world.db,
      { visitId: world.visitId, outcome: 'chosen', chosenCarerId: sam.id, orderShown: world.pack.candidates.map((c) => c.id) },
      clock,
    );
    await user.click(await screen.findByRole('link', { name: /hilda/i }));
    expect(await screen.findByText('Hilda chose Sam — waiting to be sent')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText('Hilda chose Sam — sent to the office')).toBeInTheDocument();
  });
});
