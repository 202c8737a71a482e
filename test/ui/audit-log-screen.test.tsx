import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, type AuditEntry } from '../../src/domain/audit';
import { saveSession } from '../../src/local-db/queries';
import { testId } from '../support/factories';
import { makeWorld, renderApp, TEST_NOW, type World } from '../support/render';

const HILDA = testId();
const PETER = testId();
const JO = testId();
const ADE = testId();
const TABLET = testId();

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: testId(),
    at: '2026-11-25T09:15:07.000Z',
    actor: { userId: JO, name: 'Jo Baker', role: 'organiser' },
    device: null,
    action: 'person.viewed',
    subject: { type: 'person', id: HILDA, name: 'Hilda' },
    ...overrides,
  };
}

/** The WCAG 2.2 A and AA rules axe-core can judge without layout (jsdom has none, so no colour contrast). */
async function axeViolations(root: HTMLElement) {
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function signedInAs(role: 'admin' | 'organiser'): Promise<World> {
  const world = await makeWorld();
  world.office.session.user.role = role;
  await saveSession(world.db, world.office.session, TEST_NOW);
  world.office.auditNames = {
    people: [
      { id: HILDA, name: 'Hilda' },
      { id: PETER, name: 'Peter' },
    ],
    actors: [
      { id: ADE, name: 'Ade Okafor', role: 'admin' },
      { id: JO, name: 'Jo Baker', role: 'organiser' },
    ],
  };
  world.office.auditEntries = [
    entry({
      at: '2026-11-25T10:02:09.000Z',
      action: 'pack.downloaded',
      device: { id: TABLET, label: 'Safari on iPad' },
      subject: { type: 'visit', id: testId(), name: 'Hilda' },
    }),
    entry({ at: '2026-11-25T09:40:00.000Z', action: 'person.changed', subject: { type: 'person', id: PETER, name: 'Peter' } }),
    entry({ at: '2026-11-24T16:00:00.000Z', action: 'outcomes.exported', actor: { userId: ADE, name: 'Ade Okafor', role: 'admin' }, subject: { type: 'organisation', id: testId(), name: null } }),
    entry({ at: '2026-11-24T15:00:00.000Z', actor: { userId: testId(), name: null, role: 'care-worker' }, subject: { type: 'person', id: testId(), name: null } }),
  ];
  return world;
}

const table = () => screen.getByRole('table', { name: /audit entries, page 1/i });
const rowTexts = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));

describe('the audit log screen (admins)', () => {
  it('shows who did what to whose record, when and from which tablet, newest first, and passes the accessibility rules', async () => {
    const world = await signedInAs('admin');
    renderApp(world, '/audit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeInTheDocument();
    await screen.findByRole('table', { name: /audit entries/i });
    expect(rowTexts()).toEqual([
      ['25 Nov 2026, 10:02:09', 'Jo Baker (organiser)', 'Downloaded a visit to a tablet', 'Hilda’s visit', 'Safari on iPad'],
      ['25 Nov 2026, 09:40:00', 'Jo Baker (organiser)', 'Changed a person’s profile', 'Peter', 'None'],
      ['24 Nov 2026, 16:00:00', 'Ade Okafor (admin)', 'Exported every outcome (CSV)', 'Everyone in the organisation', 'None'],
      ['24 Nov 2026, 15:00:00', 'An account no longer here (care worker)', 'Viewed a person’s profile', 'A record no longer here', 'None'],
    ]);
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Audit log' })).toHaveAttribute('href', '/audit');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('names the newer entries plainly (sign-ins, tablets, media, the log itself), and offers each as a filter', async () => {
    const world = await signedInAs('admin');
    world.office.auditEntries = [
      entry({ at: '2026-11-25T10:00:00.000Z', action: 'device.revoked', actor: { userId: ADE, name: 'Ade Okafor', role: 'admin' }, subject: { type: 'device', id: TABLET, name: 'Safari on iPad' } }),
      entry({ at: '2026-11-25T09:59:00.000Z', action: 'session.signed-in', device: { id: TABLET, label: 'Safari on iPad' }, subject: { type: 'account', id: JO, name: 'Jo Baker' } }),
      entry({ at: '2026-11-25T09:58:00.000Z', action: 'media.viewed', subject: { type: 'carer', id: testId(), name: 'Sam' } }),
      entry({ at: '2026-11-25T09:57:00.000Z', action: 'device-key.issued', subject: { type: 'device', id: testId(), name: null } }),
    ];
    const { user } = renderApp(world, '/audit');
    await screen.findByRole('table', { name: /audit entries/i });
    expect(rowTexts()).toEqual([
      ['25 Nov 2026, 10:00:00', 'Ade Okafor (admin)', 'Removed a tablet', 'Tablet: Safari on iPad', 'None'],
      ['25 Nov 2026, 09:59:00', 'Jo Baker (organiser)', 'Signed in', 'Account: Jo Baker', 'Safari on iPad'],
      ['25 Nov 2026, 09:58:00', 'Jo Baker (organiser)', 'Opened a care worker’s film, photo or recording', 'Care worker: Sam', 'None'],
      ['25 Nov 2026, 09:57:00', 'Jo Baker (organiser)', 'Gave a tablet its storage key', 'A tablet not set up yet or no longer here', 'None'],
    ]);
    const actions = within(screen.getByRole('combobox', { name: 'What was done' }))
      .getAllByRole('option')
      .map((o) => o.textContent);
    for (const words of ['Listed the visits', 'Signed in', 'Signed out everywhere', 'Set up a tablet', 'Removed a tablet', 'Sent a visit’s records from a tablet', 'Looked at the audit log']) {
      expect(actions).toContain(words);
    }
    await user.selectOptions(screen.getByRole('combobox', { name: 'What was done' }), 'Signed in');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    await waitFor(() => expect(world.office.auditRequests.at(-1)).toEqual({ action: 'session.signed-in' }));
  });

  it('filters by person, action, account and days, asking the office with just those', async () => {
    const world = await signedInAs('admin');
    const { user, router } = renderApp(world, '/audit');
    await screen.findByRole('table', { name: /audit entries/i });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Person' }), 'Hilda');
    await user.selectOptions(screen.getByRole('combobox', { name: 'What was done' }), 'Downloaded a visit to a tablet');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Done by' }), 'Jo Baker (organiser)');
    await user.type(screen.getByLabelText('First day'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    await waitFor(() => expect(world.office.auditRequests.at(-1)).toEqual({ personId: HILDA, action: 'pack.downloaded', actorUserId: JO, from: '2026-11-01' }));
    expect(router.state.location.search).toContain(`personId=${HILDA}`);
    // The filters stay shown as chosen.
    expect(await screen.findByRole('combobox', { name: 'Person' })).toHaveValue(HILDA);
  });

  it('says why a bad range is refused, next to the fields, and asks the office nothing', async () => {
    const world = await signedInAs('admin');
    const { user } = renderApp(world, '/audit');
    await screen.findByRole('table', { name: /audit entries/i });
    const asked = world.office.auditRequests.length;
    await user.type(screen.getByLabelText('First day'), '2026-11-20');
    await user.type(screen.getByLabelText('Last day'), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The first day must be on or before the last day.');
    expect(screen.getByLabelText('First day')).toHaveAttribute('aria-invalid', 'true');
    expect(world.office.auditRequests.length).toBe(asked);
  });

  it('pages through older entries', async () => {
    const world = await signedInAs('admin');
    world.office.auditEntries = Array.from({ length: AUDIT_PAGE_SIZE + 3 }, (_, i) => entry({ at: new Date(Date.parse('2026-11-25T10:00:00Z') - i * 60_000).toISOString() }));
    const { user } = renderApp(world, '/audit');
    await screen.findByRole('table', { name: /page 1/i });
    expect(screen.queryByRole('button', { name: 'Newer entries' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Older entries' }));
    const second = await screen.findByRole('table', { name: /page 2/i });
    expect(within(second).getAllByRole('row')).toHaveLength(4);
    expect(world.office.auditRequests.at(-1)).toEqual({ page: '2' });
    expect(screen.getByRole('button', { name: 'Newer entries' })).toBeInTheDocument();
  });

  it('says plainly when the office cannot be reached', async () => {
    const world = await signedInAs('admin');
    world.office.online = false;
    renderApp(world, '/audit');
    expect(await screen.findByRole('alert')).toHaveTextContent(/audit log is kept at the office/i);
  });

  it('is not for organisers: no link, and the address leads back to their own first screen without asking the office', async () => {
    const world = await signedInAs('organiser');
    const { router } = renderApp(world, '/audit');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(screen.queryByRole('heading', { level: 1, name: 'Audit log' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Audit log' })).not.toBeInTheDocument();
    expect(world.office.auditRequests).toEqual([]);
  });
});
