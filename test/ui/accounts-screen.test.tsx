import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/domain/accounts';
import type { Role } from '../../src/domain/api';
import { saveSession } from '../../src/local-db/queries';
import { testId } from '../support/factories';
import { makeWorld, renderApp, type World } from '../support/render';

/** The WCAG 2.2 A and AA rules axe-core can judge without layout (jsdom has none, so no colour contrast). */
async function axeViolations(root: HTMLElement) {
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const account = (overrides: Partial<Account>): Account => ({
  id: testId(),
  name: 'Someone',
  email: 'someone@demo.hearth.test',
  role: 'organiser',
  carerId: null,
  carerFirstName: null,
  disabledAt: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  ...overrides,
});

/** A tablet signed in as `role`, with the office's accounts of an admin, an organiser and a care worker. */
async function worldAs(role: Role) {
  const world = await makeWorld({ signedIn: false, visitsOnTablet: false });
  world.office.session = { ...world.office.session, user: { ...world.office.session.user, name: 'Ade Okafor', email: 'admin@demo.hearth.test', role } };
  await saveSession(world.db, world.office.session, new Date('2026-11-25T10:00:00Z'));
  world.office.accounts = [
    account({ id: world.office.session.user.id, name: 'Ade Okafor', email: 'admin@demo.hearth.test', role: 'admin' }),
    account({ name: 'Jo Baker', email: 'organiser@demo.hearth.test', role: 'organiser' }),
    account({ name: 'Sam Patel', email: 'sam@demo.hearth.test', role: 'care-worker', carerId: testId(), carerFirstName: 'Sam' }),
  ];
  world.office.carersWithoutAccount = [{ id: testId(), firstName: 'Tom' }];
  return world;
}

async function openAccounts(world: World) {
  const app = renderApp(world, '/accounts');
  await screen.findByRole('table', { name: '3 accounts' });
  // The changes appear once the tablet knows who is signed in.
  await screen.findByText(/^This is you\./);
  return app;
}

const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;

describe('the Accounts screen (admins)', () => {
  it('lists every account with its role and whether it can sign in, and passes the accessibility rules', async () => {
    const world = await worldAs('admin');
    await openAccounts(world);
    expect(screen.getByRole('heading', { level: 1, name: 'Accounts' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: '3 accounts' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name', 'Email address', 'Role', 'Can sign in?', 'Change']);
    expect(within(rowOf('Sam Patel')).getByText('Care worker')).toBeInTheDocument();
    expect(within(rowOf('Sam Patel')).getByText('(Sam’s profile)')).toBeInTheDocument();
    expect(await within(rowOf('Ade Okafor')).findByText(/^This is you\./)).toBeInTheDocument();
    expect(within(rowOf('Ade Okafor')).getByRole('link', { name: 'Your password is on Your account' })).toHaveAttribute('href', '/my-account');
    expect(within(rowOf('Ade Okafor')).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent(/^Accounts/);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('adds an account, showing each problem next to its field and in a summary that takes focus', async () => {
    const world = await worldAs('admin');
    const { user } = await openAccounts(world);
    await user.click(screen.getByRole('radio', { name: /^Care worker:/ }));
    await user.click(screen.getByRole('button', { name: 'Add the account' }));

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByText('The account is not added yet. Please fix these first:')).toBeInTheDocument();
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Name: Must not be empty.',
      'Email address: Must be an email address.',
      'Which care worker: Choose which care worker this account is for.',
      'First password: Must be at least 10 characters.',
    ]);
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('Must not be empty.');
    expect(await axeViolations(document.body)).toEqual([]);
    await user.click(within(summary).getByRole('link', { name: /^Email address/ }));
    expect(screen.getByRole('textbox', { name: 'Email address' })).toHaveFocus();
    expect(world.office.accounts).toHaveLength(3);

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Tom Reid');
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'tom@demo.hearth.test');
    await user.click(screen.getByRole('radio', { name: 'Tom' }));
    await user.type(screen.getByLabelText('First password'), 'first-password-1');
    await user.click(screen.getByRole('button', { name: 'Add the account' }));

    expect(await screen.findByText('Tom Reid can now sign in as tom@demo.hearth.test. Give them the first password in person, and ask them to change it.')).toHaveRole(
      'status',
    );
    expect(await screen.findByRole('table', { name: '4 accounts' })).toBeInTheDocument();
    expect(world.office.accounts.at(-1)).toMatchObject({ name: 'Tom Reid', role: 'care-worker', carerFirstName: 'Tom' });
  });

  it('says why the office refused an account (an email already in use)', async () => {
    const world = await worldAs('admin');
    const { user } = await openAccounts(world);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Jo Again');
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'organiser@demo.hearth.test');
    await user.type(screen.getByLabelText('First password'), 'first-password-1');
    await user.click(screen.getByRole('button', { name: 'Add the account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not added: Someone already signs in with that email address. Use another.');
  });

  it('switches an account off only after confirming what that does, and on again', async () => {
    const world = await worldAs('admin');
    const { user } = await openAccounts(world);
    await user.click(screen.getByRole('button', { name: 'Switch off Jo Baker’s account' }));
    const confirm = screen.getByRole('group', { name: /Switch off Jo Baker’s account\? They are signed out everywhere at once/ });
    expect(within(confirm).getByRole('button', { name: 'Keep it on' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Keep it on' }));
    expect(world.office.accounts[1]!.disabledAt).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Switch off Jo Baker’s account' }));
    await user.click(screen.getByRole('button', { name: 'Yes, switch it off' }));
    expect(await screen.findByText('Jo Baker’s account is switched off.')).toHaveRole('status');
    await waitFor(() => expect(within(rowOf('Jo Baker')).getByText(/^No: switched off on /)).toBeInTheDocument());
    expect(world.office.accounts[1]!.disabledAt).not.toBeNull();

    await user.click(screen.getByRole('button', { name: 'Switch on Jo Baker’s account' }));
    await user.click(screen.getByRole('button', { name: 'Yes, switch it on' }));
    expect(await screen.findByText('Jo Baker’s account is switched on again.')).toBeInTheDocument();
    expect(world.office.accounts[1]!.disabledAt).toBeNull();
  });

  it('sets a new password, refusing a short one next to the field', async () => {
    const world = await worldAs('admin');
    const { user } = await openAccounts(world);
    await user.click(screen.getByRole('button', { name: 'Set a new password for Sam Patel' }));
    const field = screen.getByLabelText('New password for Sam Patel');
    expect(field).toHaveFocus();
    await user.type(field, 'short');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));
    expect(field).toHaveAccessibleDescription(/The new password must be at least 10 characters\./);
    expect(world.office.passwordResets).toEqual([]);
    await user.clear(field);
    await user.type(field, 'handed-over-1');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));
    expect(await screen.findByText('Sam Patel has a new password and is signed out everywhere. Hand the new password over in person.')).toBeInTheDocument();
    expect(world.office.passwordResets).toEqual([{ userId: world.office.accounts[2]!.id, password: 'handed-over-1' }]);
  });
});

describe('each role’s own screens', () => {
  it('takes an admin to Accounts and a manager to Reports from the visits list, each with their own links', async () => {
    for (const [role, heading, nav] of [
      ['admin', 'Accounts', ['Accounts', 'Devices', 'Audit log', 'Your account']],
      ['manager', 'Choice report', ['Reports', 'Your account']],
    ] as const) {
      const world = await worldAs(role);
      const { unmount } = renderApp(world, '/');
      expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
      expect(within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link').map((l) => l.textContent)).toEqual(nav);
      unmount();
    }
  });

  it('keeps a manager out of the office’s screens and an organiser out of Accounts', async () => {
    const manager = await worldAs('manager');
    const first = renderApp(manager, '/people');
    expect(await screen.findByRole('heading', { level: 1, name: 'Choice report' })).toBeInTheDocument();
    first.unmount();
    const organiser = await worldAs('organiser');
    renderApp(organiser, '/accounts');
    expect(await screen.findByRole('heading', { level: 1, name: /planned visits/i })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Accounts' })).not.toBeInTheDocument();
  });
});
