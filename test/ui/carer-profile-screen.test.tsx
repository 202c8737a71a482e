import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getFormDraft } from '../../src/local-db/form-drafts';
import { saveSession } from '../../src/local-db/queries';
import { makeCarerProfileView, makeCareWorkerSession } from '../support/factories';
import { makeWorld, renderApp, TEST_NOW } from '../support/render';

async function profileWorld(options: { careWorker?: boolean } = {}) {
  const world = await makeWorld({ visitsOnTablet: false });
  const sam = makeCarerProfileView();
  world.office.carerProfiles.set(sam.id, sam);
  if (options.careWorker) {
    world.office.session = makeCareWorkerSession(sam.id);
    await saveSession(world.db, world.office.session, TEST_NOW);
  }
  return { world, sam };
}

const form = () => screen.getByRole('form', { name: 'One-page profile' });

describe('a care worker’s one-page profile', () => {
  it('lists care workers for an organiser, with what still stops each being shown, and opens one', async () => {
    const { world, sam } = await profileWorld();
    const lucy = makeCarerProfileView({ draft: { firstName: 'Lucy' }, profileComplete: false, photo: null, film: null, consentGivenAt: null });
    world.office.carerProfiles.set(lucy.id, lucy);
    const { user } = renderApp(world, '/');
    await user.click(await screen.findByRole('link', { name: 'Care workers' }));
    const table = await screen.findByRole('table', { name: '2 care workers' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Lucy' + 'Not yet: profile not finished, no photo yet, no film yet, has not agreed to be shown yet' + 'No',
      'Sam' + 'Yes' + 'No',
    ]);
    await user.click(within(table).getByRole('link', { name: 'Sam' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sam’s one-page profile' })).toBeInTheDocument();
    expect(await screen.findByRole('textbox', { name: 'First name' })).toHaveValue('Sam');
    expect(screen.getByRole('textbox', { name: 'What people appreciate about me' })).toHaveValue('Calm and patient\nA great listener');
    expect(screen.getByRole('textbox', { name: 'Second thing' })).toHaveValue('Walking my dog on the beach');
    expect(screen.getByRole('radio', { name: 'Man' })).toBeChecked();
    expect(screen.getByLabelText('From (Monday, time 1)')).toHaveValue('07:00');
    expect(screen.getByText('This profile can be shown to people choosing a carer.')).toBeInTheDocument();
    // Only the care worker can agree: an organiser sees where it stands, with no button.
    expect(screen.queryByRole('button', { name: /withdraw my agreement/i })).not.toBeInTheDocument();
    expect(world.office.carerProfiles.get(sam.id)).toEqual(sam);
  });

  it('shows each problem next to its field and in a summary, and sends nothing until they are fixed', async () => {
    const { world, sam } = await profileWorld();
    const { user } = renderApp(world, `/care-workers/${sam.id}`);
    const third = await screen.findByRole('textbox', { name: 'Third thing' });
    await user.clear(third);
    await user.clear(screen.getByRole('textbox', { name: 'Latitude' }));
    await user.type(screen.getByRole('textbox', { name: 'Latitude' }), 'north');
    await user.click(screen.getByRole('button', { name: 'Remove Monday time 1' }));
    await user.click(screen.getByRole('button', { name: 'Save the profile' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'What matters to me: third thing: must not be empty',
      'Latitude: must be a number',
      'When you can work: needs at least one time they can work',
    ]);
    expect(third).toHaveAccessibleDescription('must not be empty');
    expect(third).toHaveAttribute('aria-invalid', 'true');
    await user.click(within(summary).getByRole('link', { name: /latitude/i }));
    expect(screen.getByRole('textbox', { name: 'Latitude' })).toHaveFocus();
    expect(world.office.profileSaves).toEqual([]);
  });

  it('saves a changed profile at the office and then forgets the draft on this device', async () => {
    const { world, sam } = await profileWorld({ careWorker: true });
    const { user } = renderApp(world, '/');
    expect(await screen.findByRole('heading', { level: 1, name: 'My one-page profile' })).toBeInTheDocument();
    // A care worker's account shows their profile only: none of the office's screens.
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link').map((l) => l.textContent)).toEqual(['My profile']);

    const interests = await screen.findByRole('textbox', { name: 'Interests' });
    await user.type(interests, '\ncrosswords');
    expect((await getFormDraft(world.db, `carer:${sam.id}`))?.values).toMatchObject({ interests: 'old films\nfishing\ncrosswords' });
    await user.click(screen.getByRole('button', { name: 'Save the profile' }));
    expect(await screen.findByText(/saved at the office at/i)).toBeInTheDocument();
    expect(world.office.profileSaves).toHaveLength(1);
    expect(world.office.profileSaves[0]!.request).toMatchObject({
      basedOnUpdatedAt: sam.updatedAt,
      profile: { interests: ['old films', 'fishing', 'crosswords'], mattersToMe: sam.draft.mattersToMe },
    });
    expect(await getFormDraft(world.db, `carer:${sam.id}`)).toBeUndefined();
  });

  it('keeps what was typed through a reload and going offline, and saves it when the office is back', async () => {
    const { world, sam } = await profileWorld({ careWorker: true });
    const first = renderApp(world, '/my-profile');
    const appreciated = await screen.findByRole('textbox', { name: 'What people appreciate about me' });
    await first.user.type(appreciated, '\nAlways on time');
    world.office.online = false;
    await first.user.click(screen.getByRole('button', { name: 'Save the profile' }));
    expect(await screen.findByText(/not saved yet: the office could not be reached\. everything you typed is kept on this device/i)).toBeInTheDocument();

    // The app is closed and opened again, still with no connection.
    cleanup();
    const second = renderApp(world, '/my-profile');
    expect(await screen.findByText(/restored what was typed on this device/i)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'What people appreciate about me' })).toHaveValue('Calm and patient\nA great listener\nAlways on time');

    world.office.online = true;
    await second.user.click(screen.getByRole('button', { name: 'Save the profile' }));
    expect(await screen.findByText(/saved at the office at/i)).toBeInTheDocument();
    expect(world.office.carerProfiles.get(sam.id)!.draft.appreciated).toEqual(['Calm and patient', 'A great listener', 'Always on time']);
    expect(await getFormDraft(world.db, `carer:${sam.id}`)).toBeUndefined();
  });

  it('refuses to overwrite a newer save, and keeps what was typed', async () => {
    const { world, sam } = await profileWorld({ careWorker: true });
    const { user } = renderApp(world, '/my-profile');
    await user.type(await screen.findByRole('textbox', { name: 'Skills' }), '\nhoist');
    // Meanwhile an organiser saved the profile at the office.
    world.office.carerProfiles.set(sam.id, { ...sam, updatedAt: '2026-11-25T10:00:00.000Z' });
    await user.click(screen.getByRole('button', { name: 'Save the profile' }));
    expect(await screen.findByText(/not saved: someone else saved this profile after you opened it/i)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Skills' })).toHaveValue('medication prompt\nhoist');
    expect(await getFormDraft(world.db, `carer:${sam.id}`)).toBeDefined();
    expect(world.office.profileSaves).toEqual([]);
  });

  it('lets the care worker withdraw their agreement and give it again', async () => {
    const { world, sam } = await profileWorld({ careWorker: true });
    const { user } = renderApp(world, '/my-profile');
    const consent = await screen.findByRole('region', { name: 'Showing your profile to people' });
    await user.click(within(consent).getByRole('button', { name: 'Withdraw my agreement' }));
    expect(await within(consent).findByText(/your agreement is withdrawn/i)).toBeInTheDocument();
    expect(world.office.carerProfiles.get(sam.id)!.consentGivenAt).toBeNull();
    expect(screen.getByText(/your profile cannot be shown to anyone yet: has not agreed to be shown yet/i)).toBeInTheDocument();
    await user.click(within(consent).getByRole('button', { name: /i agree/i }));
    expect(await within(consent).findByText(/your agreement is recorded/i)).toBeInTheDocument();
    expect(world.office.carerProfiles.get(sam.id)!.blockers).toEqual([]);
    expect(form()).toBeInTheDocument();
  });

  it('takes a care worker who opens an office screen to their own profile', async () => {
    const { world } = await profileWorld({ careWorker: true });
    renderApp(world, '/follow-ups');
    expect(await screen.findByRole('heading', { level: 1, name: 'My one-page profile' })).toBeInTheDocument();
  });

  it('lets an organiser give a care worker an account, and the care worker change their password', async () => {
    const { world, sam } = await profileWorld();
    const first = renderApp(world, `/care-workers/${sam.id}`);
    const account = await screen.findByRole('region', { name: 'Sam’s own account' });
    await first.user.type(within(account).getByRole('textbox', { name: 'Their full name' }), 'Sam Patel');
    await first.user.type(within(account).getByRole('textbox', { name: 'Their email address' }), 'sam@example.org');
    await first.user.type(within(account).getByRole('textbox', { name: 'A first password' }), 'short');
    await first.user.click(within(account).getByRole('button', { name: 'Make the account' }));
    expect(within(account).getByRole('textbox', { name: 'A first password' })).toHaveAccessibleDescription(/must be at least 10 characters/);
    await first.user.type(within(account).getByRole('textbox', { name: 'A first password' }), '-and-longer');
    await first.user.click(within(account).getByRole('button', { name: 'Make the account' }));
    expect(await within(account).findByText(/sam can now sign in with sam@example.org/i)).toBeInTheDocument();
    expect(world.office.accountsMade).toEqual([{ carerId: sam.id, account: { name: 'Sam Patel', email: 'sam@example.org', password: 'short-and-longer' } }]);

    cleanup();
    world.office.session = makeCareWorkerSession(sam.id);
    await saveSession(world.db, world.office.session, TEST_NOW);
    const second = renderApp(world, '/my-profile');
    const password = await screen.findByRole('region', { name: 'Your password' });
    await second.user.type(within(password).getByLabelText('Current password'), 'wrong one');
    await second.user.type(within(password).getByLabelText('New password'), 'a-new-password');
    await second.user.click(within(password).getByRole('button', { name: 'Change my password' }));
    expect(await within(password).findByText(/not changed: that is not your current password/i)).toBeInTheDocument();
    await second.user.clear(within(password).getByLabelText('Current password'));
    await second.user.type(within(password).getByLabelText('Current password'), world.office.password);
    await second.user.click(within(password).getByRole('button', { name: 'Change my password' }));
    expect(await within(password).findByText(/your password is changed/i)).toBeInTheDocument();
    expect(world.office.password).toBe('a-new-password');
  });
});
