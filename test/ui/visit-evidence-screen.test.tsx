import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EvidenceOutcome, VisitEvidence } from '../../src/domain/evidence';
import { visitEvidencePath } from '../../src/ui/paths';
import { testId } from '../support/factories';
import { makeWorld, renderApp, type World } from '../support/render';

const SAM = testId();
const GRACE = testId();
const TOM = testId();
const BETHAN = testId();

function outcome(overrides: Partial<EvidenceOutcome> = {}): EvidenceOutcome {
  return {
    eventId: testId(),
    standing: 'current',
    outcome: 'chosen',
    chosenCarerName: 'Grace',
    meetFirstNames: [],
    shown: [
      { name: 'Sam', reaction: 'not-sure' },
      { name: 'Grace', reaction: 'like' },
      { name: 'Bethan', reaction: null },
    ],
    presentation: 'description-first',
    language: 'en',
    howDecided: { indicatedBy: 'person-by-eye-gaze', present: ['Organiser', 'Daughter'], supportsUsed: ['audio', 'large-text'], durationSeconds: 720 },
    decidedAt: '2026-11-25T10:31:00.000Z',
    receivedAt: '2026-11-25T10:40:00.000Z',
    deviceLabel: 'Safari on iPad',
    withdrawal: null,
    ...overrides,
  };
}

/** Hilda's visit: planned from a match run with Tom passed over; "not sure yet" withdrawn, then she chose Grace. */
function hildaEvidence(world: World): VisitEvidence {
  const withdrawn = outcome({
    standing: 'withdrawn',
    outcome: 'not-sure-yet',
    chosenCarerName: null,
    howDecided: null,
    decidedAt: '2026-11-25T10:20:00.000Z',
    receivedAt: '2026-11-25T10:40:00.000Z',
    withdrawal: { occurredAt: '2026-11-25T10:21:00.000Z', receivedAt: '2026-11-25T10:40:00.000Z', deviceLabel: 'Safari on iPad' },
  });
  const chosen = outcome();
  return {
    organisationName: 'Hearth Demo Home Care',
    visit: world.pack.visit,
    referredOn: '2026-10-19',
    matchRun: {
      matchRunId: testId(),
      visitId: world.visitId,
      personFirstName: 'Hilda',
      runBy: 'Jo Baker',
      runAt: '2026-11-24T09:15:00.000Z',
      funnel: { considered: 6, available: 4, goodFit: 3, ranked: 4 },
      shortlist: [
        { carerId: SAM, name: 'Sam', rank: 1 },
        { carerId: GRACE, name: 'Grace', rank: 3 },
        { carerId: BETHAN, name: 'Bethan', rank: 4 },
      ],
      passedOver: [{ carerId: TOM, name: 'Tom', rank: 2, reason: 'Tom is on leave in December' }],
      leftOut: {
        notAvailable: [
          { carerId: testId(), name: 'Dan', reasons: ['not free Monday 08:00–08:45'] },
          { carerId: testId(), name: 'Megan', reasons: ['14 km away; travels up to 8 km', 'no medication prompt'] },
        ],
        notGoodFit: [{ carerId: BETHAN, name: 'Bethan', rank: 4, reason: 'Hilda does not get on with: lively' }],
      },
      why: { [SAM]: 'Calm and patient, as Hilda likes.', [GRACE]: 'Gentle, and shares her love of old films.', [BETHAN]: 'Shares her love of singing.' },
    },
    shortlistNow: ['Sam', 'Grace', 'Bethan'],
    shortlistChanges: [],
    outcomes: [withdrawn, chosen],
    conflicts: [],
    followUps: [
      {
        eventId: withdrawn.eventId,
        summary: 'Not sure yet',
        createdAt: '2026-11-25T10:40:00.000Z',
        resolvedAt: '2026-11-25T10:40:00.000Z',
        resolvedByName: null,
        note: 'closed on the tablet: the decision was withdrawn',
      },
    ],
  };
}

async function openEvidence() {
  const world = await makeWorld();
  world.office.visitEvidence.set(world.visitId, hildaEvidence(world));
  const app = renderApp(world, visitEvidencePath(world.visitId));
  await screen.findByRole('heading', { level: 1, name: 'Evidence: Hilda’s choice of care worker' });
  return { world, ...app };
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

describe('the evidence for a visit', () => {
  it('states the organisation, the visit and when it was printed, with a print button that prints', async () => {
    const { user } = await openEvidence();
    expect(screen.getByText('Organisation').nextSibling).toHaveTextContent('Hearth Demo Home Care');
    expect(screen.getByText('Home visit').nextSibling).toHaveTextContent(/^Hilda, .* 2026 at \d\d:\d\d, /);
    expect(screen.getByText('Referred').nextSibling).toHaveTextContent('19 October 2026');
    expect(screen.getByText('Printed').nextSibling).toHaveTextContent('25 November 2026 at 10:31');

    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'Print this page' }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('shows the matching steps with who each left out and why, the shortlist in order, and who was passed over', async () => {
    await openEvidence();
    expect(screen.getByText(/Jo Baker ran the match on 24 November 2026 at 09:15/)).toBeInTheDocument();
    expect(rowsOf(table('The matching steps, in order'))).toEqual([
      ['Every care worker considered', '6', ''],
      ['Free at Hilda’s times, near enough, with the skills and language needed', '4', '2 left out'],
      ['A good personality fit', '3', '1 ranked lower, not left out'],
      ['Ranked by shared interests', '4', ''],
    ]);
    const notFree = screen.getByRole('heading', { level: 3, name: /left out: not free/i }).nextElementSibling as HTMLElement;
    expect(within(notFree).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Dan: not free Monday 08:00–08:45',
      'Megan: 14 km away; travels up to 8 km; no medication prompt',
    ]);
    expect(screen.getByText('Hilda does not get on with: lively', { exact: false })).toBeInTheDocument();
    expect(rowsOf(table('The shortlist, in the order the cards were to be shown'))).toEqual([
      ['1', 'Sam', '1', 'Calm and patient, as Hilda likes.'],
      ['2', 'Grace', '3', 'Gentle, and shares her love of old films.'],
      ['3', 'Bethan', '4', 'Shares her love of singing.'],
    ]);
    expect(rowsOf(table(/passed over, and the organiser’s reasons/))).toEqual([['Tom', '2', 'Tom is on leave in December']]);
  });

  it("shows the decision and how it was made, the reactions per carer in the order shown, and every record's standing", async () => {
    await openEvidence();
    const decision = screen.getByRole('region', { name: 'Hilda’s decision' });
    expect(within(decision).getByText('Hilda chose Grace.')).toBeInTheDocument();
    const fact = (term: string) => within(decision).getByText(term).nextSibling;
    expect(fact('Who indicated it')).toHaveTextContent('Hilda, by looking at it (eye gaze)');
    expect(fact('Who was present')).toHaveTextContent('Organiser and Daughter');
    expect(fact('Supports used')).toHaveTextContent('Listening (audio), Larger text');
    expect(fact('How long it took')).toHaveTextContent('12 minutes');
    expect(fact('Language')).toHaveTextContent('English');
    expect(fact('Reached the office')).toHaveTextContent('25 November 2026 at 10:40');
    expect(rowsOf(within(decision).getByRole('table'))).toEqual([
      ['1', 'Sam', 'Not sure'],
      ['2', 'Grace', 'I like'],
      ['3', 'Bethan', 'Not placed'],
    ]);

    const records = rowsOf(table('Answers in the order the office received them'));
    expect(records.map((r) => [r[0], r[4]])).toEqual([
      [
        'Not sure yet',
        'Withdrawn on the tablet on 25 November 2026 at 10:21 (Safari on iPad); the withdrawal reached the office on 25 November 2026 at 10:40',
      ],
      ['Chose Grace', 'This is the decision'],
    ]);
    const followUps = screen.getByRole('region', { name: 'Follow-ups' });
    expect(within(followUps).getByRole('listitem')).toHaveTextContent(/Not sure yet: opened on 25 November 2026 at 10:40\. Closed on .*withdrawn/);
  });

  it('says plainly when the office cannot be reached, and when there is no such visit', async () => {
    const world = await makeWorld();
    world.office.online = false;
    renderApp(world, visitEvidencePath(world.visitId));
    expect(await screen.findByRole('alert')).toHaveTextContent(/evidence for a visit is kept at the office/i);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();

    const other = await makeWorld();
    renderApp(other, visitEvidencePath(testId()));
    expect(await screen.findByText('There is no such visit. Refresh the list of visits.')).toHaveAttribute('role', 'alert');
  });
});
