import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/api';
import { getSession, saveSession } from '../../src/local-db/queries';
import { makeCareWorkerSession, testId } from '../support/factories';
import { makeWorld, renderApp, TEST_NOW } from '../support/render';

/** The WCAG 2.2 A and AA rules axe-core can judge without layout (jsdom has none, so no colour contrast). */
async function axeViolations(root: HTMLElement) {
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const PEOPLE: Record<Exclude<Role, 'care-worker'>, { name: string; email: string; role: string }> = {
  admin: { name: 'Ade Okafor', email: 'admin@demo.hearth.test', role: 'Admin' },
  organiser: { name: 'Jo Baker', email: 'organiser@demo.hearth.test', role: 'Organiser' },
  manager: { name: 'Mina Hughes', email: 'manager@demo.hearth.test', role: 'Manager' },
};

/** A tablet signed in as `role`, the office agreeing who that is. */
async function worldAs(role: Exclude<Role, 'care-worker'>) {
  const world = await makeWorld({ signedIn: false, visitsOnTablet: false });
  const { name, email } = PEOPLE[role];
  world.office.session = { ...world.office.session, user: { ...world.office.session.user, name, email, role } };
  await saveSession(world.db, world.office.session, TEST_NOW);
  return world;
}

const nav = () => within(screen.getByRole('navigation', { name: 'Main' }));

describe('Your account', () => {
  it('shows who is signed in, their role in plain words and their organisation, and passes the accessibility rules', async () => {
    const world = await worldAs('manager');
    renderApp(world, '/my-account');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Your account' });
    // Focus moves to it once it is on the page: screen readers say where they are.
    await waitFor(() => expect(heading).toHaveFocus());
    const facts = within(screen.getByRole('region', { name: 'Signed in as' }));
    expect(facts.getByText('Name').nextSibling).toHaveTextContent('Mina Hughes');
    expect(facts.getByText('Email address').nextSibling).toHaveTextContent('manager@demo.hearth.test');
    expect(facts.getByText('Role').nextSibling).toHaveTextContent('Manager. You read the reports and each visit’s evidence. You cannot change them.');
    expect(facts.getByText('Organisation').nextSibling).toHaveTextContent('Hearth Demo Home Care');
    expect(screen.getByRole('region', { name: 'Your password' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out everywhere' })).toBeInTheDocument();
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('changes the password at the office, refusing a wrong current one first', async () => {
    const world = await worldAs('organiser');
    const { user } = renderApp(world, '/my-account');
    const password = within(await screen.findByRole('region', { name: 'Your password' }));
    await user.type(password.getByLabelText('Current password'), 'not my password');
    await user.type(password.getByLabelText('New password'), 'a-longer-new-password');
    await user.click(password.getByRole('button', { name: 'Change my password' }));
    expect(await password.findByText(/not changed: that is not your current password/i)).toBeInTheDocument();
    expect(world.office.password).toBe('hearth-demo');

    await user.clear(password.getByLabelText('Current password'));
    await user.type(password.getByLabelText('Current password'), 'hearth-demo');
    await user.click(password.getByRole('button', { name: 'Change my password' }));
    expect(await password.findByText(/your password is changed/i)).toBeInTheDocument();
    expect(world.office.password).toBe('a-longer-new-password');
    expect(world.office.passwordChanges).toEqual([{ currentPassword: 'hearth-demo', newPassword: 'a-longer-new-password' }]);
  });

  it('signs out everywhere, leaving this tablet at the sign-in screen', async () => {
    const world = await worldAs('admin');
    const { user, router } = renderApp(world, '/my-account');
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(world.office.signOutsEverywhere).toBe(1);
    expect(await getSession(world.db)).toBeUndefined();
  });

  it('is linked from the navigation for admins, organisers and managers, and opens from there', async () => {
    for (const role of ['admin', 'organiser', 'manager'] as const) {
      const world = await worldAs(role);
      const { user, unmount } = renderApp(world, '/');
      await screen.findByRole('heading', { level: 1 });
      // The links follow the session, which may be read after the first heading shows.
      await waitFor(() => expect(nav().getAllByRole('link').at(-1), role).toHaveTextContent('Your account'));
      const links = nav().getAllByRole('link');
      // Last in the list, after the role's own screens, in the same place for everyone.
      expect(links.at(-1), role).toHaveTextContent('Your account');
      expect(links.at(-1)).toHaveAttribute('href', '/my-account');
      await user.click(links.at(-1)!);
      expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeInTheDocument();
      expect(nav().getByRole('link', { name: 'Your account' })).toHaveAttribute('aria-current', 'page');
      expect(within(screen.getByRole('region', { name: 'Signed in as' })).getByText(PEOPLE[role].email)).toBeInTheDocument();
      expect(screen.getByText(new RegExp(`^${PEOPLE[role].role}\\.`))).toBeInTheDocument();
      unmount();
    }
  });

  it('takes a care worker to My profile, where their password already is: one place for it, not two', async () => {
    const world = await makeWorld({ signedIn: false, visitsOnTablet: false });
    world.office.session = makeCareWorkerSession(testId());
    await saveSession(world.db, world.office.session, TEST_NOW);
    const { router } = renderApp(world, '/my-account');
    await waitFor(() => expect(router.state.location.pathname).toBe('/my-profile'));
    expect(nav().getAllByRole('link').map((l) => l.textContent)).toEqual(['My profile']);
    expect(await screen.findByRole('region', { name: 'Your password' })).toBeInTheDocument();
  });

  it('sends someone who is not signed in to the sign-in screen', async () => {
    const world = await makeWorld({ signedIn: false, visitsOnTablet: false });
    const { router } = renderApp(world, '/my-account');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
  });
});
