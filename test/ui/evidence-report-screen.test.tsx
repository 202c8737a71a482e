import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import type { ReportVisit } from '../../src/domain/evidence';
import { saveSession } from '../../src/local-db/queries';
import { testId } from '../support/factories';
import { makeWorld, renderApp, TEST_NOW } from '../support/render';

/** The WCAG 2.2 A and AA rules axe-core can judge without layout (jsdom has none, so no colour contrast). */
async function axeViolations(root: HTMLElement) {
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const SAM = testId();
const GRACE = testId();

function visit(decision: Partial<NonNullable<ReportVisit['decision']>> | null, rest: Partial<Omit<ReportVisit, 'decision'>> = {}): ReportVisit {
  return {
    visitId: testId(),
    topMatchCarerId: SAM,
    referredOn: '2026-11-01',
    ...rest,
    decision:
      decision === null
        ? null
        : { outcome: 'chosen', chosenCarerId: SAM, indicatedBy: 'person-by-touch', decidedAt: '2026-11-11T10:30:00.000Z', ...decision },
  };
}

/**
 * The office's November: four choices (Sam the top match twice; Grace once; one without a match run),
 * one "meet first", one "none of these", and one withdrawn (no decision); one choice from October.
 */
async function reportWorld() {
  const world = await makeWorld();
  world.office.reportVisits.push(
    visit({ decidedAt: '2026-11-05T10:00:00.000Z' }, { referredOn: '2026-11-01' }), // 4 days
    visit({ indicatedBy: 'person-with-supporter', decidedAt: '2026-11-12T10:00:00.000Z' }, { referredOn: '2026-11-02' }), // 10 days
    visit({ chosenCarerId: GRACE, indicatedBy: 'family-on-their-behalf' }, { referredOn: null }),
    visit({ indicatedBy: null }, { topMatchCarerId: null, referredOn: null }),
    visit({ outcome: 'meet-first', chosenCarerId: null }),
    visit({ outcome: 'none-of-these', chosenCarerId: null }),
    visit(null),
    visit({ decidedAt: '2026-10-15T10:00:00.000Z' }),
  );
  return world;
}

const table = (caption: string | RegExp) => screen.getByRole('table', { name: caption });
/** The table's body rows, each as the texts of its cells (row headers and cells, in reading order). */
const rowsOf = (t: HTMLElement) =>
  within(t)
    .getAllByRole('row')
    .filter((row) => within(row).queryAllByRole('columnheader').length === 0)
    .map((row) =>
      [...within(row).queryAllByRole('rowheader'), ...within(row).queryAllByRole('cell')]
        .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
        .map((cell) => cell.textContent),
    );

describe('the choice report', () => {
  it('covers the last 90 days by default, and says so with the organisation and when it was printed', async () => {
    const world = await reportWorld();
    renderApp(world, '/reports');
    expect(await screen.findByRole('heading', { level: 1, name: 'Choice report' })).toBeInTheDocument();
    expect(screen.getByLabelText('First day')).toHaveValue('2026-08-28');
    expect(screen.getByLabelText('Last day')).toHaveValue('2026-11-25');
    // The session comes from the tablet's own records, a moment after the page opens.
    await waitFor(() => expect(screen.getByText('Organisation').nextSibling).toHaveTextContent('Hearth Demo Home Care'));
    expect(screen.getByText('Dates').nextSibling).toHaveTextContent('28 August 2026 to 25 November 2026, both days counted');
    expect(screen.getByText('Printed').nextSibling).toHaveTextContent('25 November 2026 at 10:31');
    expect(await screen.findByRole('heading', { level: 2, name: 'Decisions (7)' })).toBeInTheDocument();
    expect(world.office.reportRequests).toEqual([{ from: '2026-08-28', to: '2026-11-25' }]);
  });

  it('shows the figures for the dates chosen as a chart whose name says the numbers, and as tables', async () => {
    const world = await reportWorld();
    const { user } = renderApp(world, '/reports');
    await screen.findByRole('heading', { level: 2, name: 'Decisions (7)' });
    await user.clear(screen.getByLabelText('First day'));
    await user.type(screen.getByLabelText('First day'), '2026-11-01');
    await user.clear(screen.getByLabelText('Last day'));
    await user.type(screen.getByLabelText('Last day'), '2026-11-30');
    await user.click(screen.getByRole('button', { name: 'Show the figures' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Decisions (6)' })).toBeInTheDocument();

    expect(screen.getByRole('img')).toHaveAccessibleName(
      'Of 6 home visits decided from 1 November 2026 to 30 November 2026: chose their own carer, 4 of 6 (67%); chose the top match, 2 of 6 (33%); ' +
        'asked to meet first, 1 of 6 (17%); chose none of these, 1 of 6 (17%); not sure yet, 0 of 6 (0%).',
    );
    expect(rowsOf(table('Of 6 home visits decided'))).toEqual([
      ['Chose their own carer', '4 of 6 (67%)'],
      ['Chose the top match', '2 of 6 (33%)'],
      ['Asked to meet first', '1 of 6 (17%)'],
      ['Chose none of these', '1 of 6 (17%)'],
      ['Not sure yet', '0 of 6 (0%)'],
    ]);
    expect(rowsOf(table('Who indicated the choice'))).toEqual([
      ['By the person themselves', '1 of 4 (25%)'],
      ['By the person, with a supporter’s help', '1 of 4 (25%)'],
      ['By family, on the person’s behalf', '1 of 4 (25%)'],
      ['How it was indicated was not recorded', '1 of 4 (25%)'],
    ]);
    expect(rowsOf(table('The choice and the top match'))).toEqual([
      ['Chose the top match, of choices from a match run', '2 of 3 (67%)'],
      ['Chose another carer on the shortlist, of choices from a match run', '1 of 3 (33%)'],
      ['Planned without a match run in Hearth (not counted above)', '1'],
    ]);
    expect(rowsOf(table('Time from referral to choice'))).toEqual([
      ['Choices measured', '2'],
      ['Median', '7 days'],
      ['Range', '4 days to 10 days'],
      ['No referral date recorded', '2'],
    ]);
    expect(world.office.reportRequests.at(-1)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('refuses a range that ends before it starts with a plain error, and does not ask the office', async () => {
    const world = await reportWorld();
    const { user } = renderApp(world, '/reports?from=2026-11-01&to=2026-11-30');
    await screen.findByRole('heading', { level: 2, name: 'Decisions (6)' });
    await user.clear(screen.getByLabelText('Last day'));
    await user.type(screen.getByLabelText('Last day'), '2026-10-01');
    await user.click(screen.getByRole('button', { name: 'Show the figures' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The first day must be on or before the last day.');
    expect(screen.getByLabelText('Last day')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Last day')).toHaveAccessibleDescription('The first day must be on or before the last day.');
    expect(world.office.reportRequests).toHaveLength(1);
  });

  it('says so when no visit was decided in the range; prints; and shows the offline notice without the office', async () => {
    const world = await reportWorld();
    const { user } = renderApp(world, '/reports?from=2025-01-01&to=2025-01-31');
    expect(await screen.findByRole('heading', { level: 2, name: 'Decisions (0)' })).toBeInTheDocument();
    expect(screen.getByText('No home visit had a decision on these dates.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Print this page' }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();

    const offline = await makeWorld();
    offline.office.online = false;
    renderApp(offline, '/reports');
    expect(await screen.findByText(/figures are worked out at the office/i)).toHaveAttribute('role', 'alert');
  });
});

describe('the choice report, for a manager', () => {
  it('shows the figures, then the visits downloaded with no outcome, and passes the accessibility rules', async () => {
    const world = await reportWorld();
    world.office.session = { ...world.office.session, user: { ...world.office.session.user, name: 'Mina Hughes', role: 'manager' } };
    await saveSession(world.db, world.office.session, TEST_NOW);
    world.office.missingOutcomes = [
      { visitId: testId(), plannedAt: '2026-11-22T14:30:00.000Z', personName: 'Peter', downloadedBy: null, tablet: null, downloadedAt: '2026-11-22T09:00:00.000Z' },
    ];
    renderApp(world, '/reports?from=2026-11-01&to=2026-11-30');
    const decisions = await screen.findByRole('heading', { level: 2, name: 'Decisions (6)' });
    const missing = await screen.findByRole('heading', { level: 2, name: 'Downloaded visits with no outcome' });
    // After the report's own figures, so the report reads as before and the list as what is apart from it.
    expect(decisions.compareDocumentPosition(missing) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 3, name: 'Visit with Peter' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getAllByRole('link').map((l) => l.textContent)).toEqual(['Reports', 'Your account']);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('still shows the list when the figures cannot be fetched, with its own way to try again', async () => {
    const world = await reportWorld();
    world.office.session = { ...world.office.session, user: { ...world.office.session.user, role: 'manager' } };
    await saveSession(world.db, world.office.session, TEST_NOW);
    world.office.online = false;
    renderApp(world, '/reports');
    const part = within((await screen.findByRole('heading', { name: 'Downloaded visits with no outcome' })).closest('section')!);
    expect(await part.findByText(/this list is worked out at the office/i)).toBeInTheDocument();
    expect(part.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
