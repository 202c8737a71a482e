import { act, cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getFormDraft } from '../../../src/local-db/form-drafts';
import { lockWhenIdle, unlockWithPassword } from '../../../src/local-db/unlock';
import { WRONG_PERSONAL_PASSWORD } from '../../../src/ui/lock/unlock-screen';
import { makeCarerProfileView, makeCareWorkerSession } from '../../support/factories';
import { makeWorld, renderApp, type World } from '../../support/render';

// The Unlock screen on a care worker's browser: their personal key (stored wrapped by their password
// only) opens with their password after a reload or the idle lock, and what they typed comes back.

const TYPED = ' and baking bread on Sundays';

/** Sam signed in for real (email and password: the personal key made the real way) and typed into "Second thing", not saved. */
async function samTypedWithoutSaving(): Promise<{ world: World; carerId: string }> {
  const world = await makeWorld({ signedIn: false, visitsOnTablet: false, organiserPin: null });
  world.db.dataKey.drop();
  const sam = makeCarerProfileView();
  world.office.carerProfiles.set(sam.id, sam);
  world.office.session = makeCareWorkerSession(sam.id);
  const { user } = renderApp(world, '/login');
  await user.type(await screen.findByLabelText('Email address'), 'sam@demo.hearth.test');
  await user.type(screen.getByLabelText('Password'), world.office.password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  const field = await screen.findByRole('textbox', { name: 'Second thing' }, { timeout: 5000 });
  await user.type(field, TYPED);
  await waitForDraft(world, sam.id, `Walking my dog on the beach${TYPED}`);
  cleanup();
  return { world, carerId: sam.id };
}

/** Each keystroke is written to the device's draft as it is typed (use-drafted-form.ts). */
async function waitForDraft(world: World, carerId: string, text: string) {
  for (let i = 0; i < 250; i++) {
    const draft = await getFormDraft(world.db, `carer:${carerId}`);
    if (JSON.stringify(draft?.values ?? null).includes(text)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the draft never held "${text}"`);
}

describe('the Unlock screen on a care worker’s browser', () => {
  it('after a reload asks for their password: a wrong one says so plainly, the right one brings back the draft exactly as typed', async () => {
    const { world } = await samTypedWithoutSaving();
    world.db.dataKey.drop(); // what a reload does
    const { user } = renderApp(world, '/my-profile');
    expect(await screen.findByRole('heading', { level: 1, name: 'Unlock Hearth' })).toBeInTheDocument();
    expect(screen.getByText(/Enter your Hearth password to carry on where you left off/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Email address')).not.toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/baking|Sam/);

    await user.type(screen.getByLabelText('Password'), 'not my password');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(WRONG_PERSONAL_PASSWORD);
    expect(world.db.dataKey.state()).toBe('no-key');
    // No office key exists for this browser: the office was never asked for one.
    expect(world.office.tabletKeys.size).toBe(0);

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), world.office.password);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('textbox', { name: 'Second thing' }, { timeout: 5000 })).toHaveValue(`Walking my dog on the beach${TYPED}`);
    expect(screen.getByText(/Restored what was typed on this device/)).toBeInTheDocument();
  });

  it('after the idle lock (no PIN for care workers) shows the password Unlock screen, never a dead end: signing in with email works too and keeps the draft', async () => {
    const { world } = await samTypedWithoutSaving();
    const { user } = renderApp(world, '/my-profile');
    await screen.findByRole('textbox', { name: 'Second thing' }, { timeout: 5000 });
    await act(() => lockWhenIdle(world.db));
    expect(await screen.findByRole('heading', { level: 1, name: 'Unlock Hearth' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Your PIN')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Second thing' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Sign in with your email instead' }));
    expect(screen.getByText(/If someone else signs in here, what you typed and did not save is deleted/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Email address'), 'sam@demo.hearth.test');
    await user.type(screen.getByLabelText('Password'), world.office.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('textbox', { name: 'Second thing' }, { timeout: 5000 })).toHaveValue(`Walking my dog on the beach${TYPED}`);
  });

  it('another care worker signing in from the Unlock screen starts fresh: the first one’s draft is cleared, not shown', async () => {
    const { world } = await samTypedWithoutSaving();
    world.db.dataKey.drop();
    const beth = makeCarerProfileView({ draft: { firstName: 'Beth' } });
    world.office.carerProfiles.set(beth.id, beth);
    world.office.session = makeCareWorkerSession(beth.id);
    const { user } = renderApp(world, '/my-profile');
    await user.click(await screen.findByRole('button', { name: 'Sign in with your email instead' }));
    await user.type(screen.getByLabelText('Email address'), 'beth@demo.hearth.test');
    await user.type(screen.getByLabelText('Password'), world.office.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('textbox', { name: 'First name' }, { timeout: 5000 })).toHaveValue('Beth');
    expect(document.body.textContent).not.toMatch(/baking/);
    expect(screen.queryByText(/Restored what was typed on this device/)).not.toBeInTheDocument();
    expect(await world.db.formDrafts.count()).toBe(0);
  });

  it('changing the password on My profile re-wraps the key: after a reload the new password opens it, the old one does not', async () => {
    const { world } = await samTypedWithoutSaving();
    const oldPassword = world.office.password;
    const { user } = renderApp(world, '/my-profile');
    const section = await screen.findByRole('region', { name: 'Your password' }, { timeout: 5000 });
    await user.type(within(section).getByLabelText('Current password'), oldPassword);
    await user.type(within(section).getByLabelText('New password'), 'sams-new-password');
    await user.click(within(section).getByRole('button', { name: 'Change my password' }));
    expect(await within(section).findByText(/your password is changed/i, {}, { timeout: 5000 })).toBeInTheDocument();
    cleanup();

    world.db.dataKey.drop();
    expect(await unlockWithPassword(world.db, oldPassword)).toBe('wrong-password');
    const again = renderApp(world, '/my-profile');
    await again.user.type(await screen.findByLabelText('Password'), 'sams-new-password');
    await again.user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('textbox', { name: 'Second thing' }, { timeout: 5000 })).toHaveValue(`Walking my dog on the beach${TYPED}`);
  });
});
