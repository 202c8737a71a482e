import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { saveSession } from '../../src/local-db/queries';
import { testId } from '../support/factories';
import { makeWorld, renderApp, TEST_NOW } from '../support/render';

const section = async () => (await screen.findByRole('heading', { name: 'Downloaded visits with no outcome' })).closest('section')!;

describe('Decisions: visits downloaded to a tablet with no outcome (F7, the office’s half)', () => {
  it('lists each visit with its person, organiser, tablet and when it was downloaded, and says what it means', async () => {
    const world = await makeWorld({ visitsOnTablet: false });
    world.office.missingOutcomes = [
      {
        visitId: testId(),
        plannedAt: '2026-11-23T10:00:00.000Z',
        personName: 'Hilda',
        downloadedBy: 'Jo Baker',
        tablet: 'Safari on iPad',
        downloadedAt: '2026-11-23T08:12:30.000Z',
      },
      { visitId: testId(), plannedAt: '2026-11-22T14:30:00.000Z', personName: 'Peter', downloadedBy: null, tablet: null, downloadedAt: '2026-11-22T09:00:00.000Z' },
    ];
    renderApp(world, '/office');
    const list = within(await section());
    const hilda = within((await list.findByRole('heading', { name: 'Visit with Hilda' })).closest('li')!);
    expect(list.getByText(/the tablet may have lost its records: check it/i)).toBeInTheDocument();
    expect(hilda.getByText('Monday 23 November, 10:00')).toBeInTheDocument();
    expect(hilda.getByText('Jo Baker')).toBeInTheDocument();
    expect(hilda.getByText('Safari on iPad')).toBeInTheDocument();
    expect(hilda.getByText('23 Nov 2026, 08:12:30')).toBeInTheDocument();
    const peter = within(list.getByRole('heading', { name: 'Visit with Peter' }).closest('li')!);
    expect(peter.getAllByText('Not known')).toHaveLength(2);
    expect(world.office.missingOutcomeRequests).toEqual([undefined]);
  });

  it('says when nothing is missing', async () => {
    const world = await makeWorld({ visitsOnTablet: false });
    renderApp(world, '/office');
    expect(await within(await section()).findByText(/every visit downloaded to a tablet has sent its outcome/i)).toBeInTheDocument();
  });

  it('says plainly when the office cannot be reached, with a way to try again', async () => {
    const world = await makeWorld({ visitsOnTablet: false });
    world.office.online = false;
    renderApp(world, '/office');
    const part = within(await section());
    expect(await part.findByText(/this list is worked out at the office/i)).toBeInTheDocument();
    expect(part.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('the choice report: the same list for managers, who cannot open Decisions', () => {
  it('shows a manager the list with its heading and what it means, apart from the figures and not on paper', async () => {
    const world = await makeWorld({ visitsOnTablet: false });
    world.office.session = { ...world.office.session, user: { ...world.office.session.user, name: 'Mina Hughes', role: 'manager' } };
    await saveSession(world.db, world.office.session, TEST_NOW);
    world.office.missingOutcomes = [
      { visitId: testId(), plannedAt: '2026-11-23T10:00:00.000Z', personName: 'Hilda', downloadedBy: 'Jo Baker', tablet: 'Safari on iPad', downloadedAt: '2026-11-23T08:12:30.000Z' },
    ];
    renderApp(world, '/reports');
    const part = await section();
    const list = within(part);
    expect(screen.getByRole('heading', { level: 1, name: 'Choice report' })).toBeInTheDocument();
    expect(list.getByRole('heading', { level: 2, name: 'Downloaded visits with no outcome' })).toBeInTheDocument();
    expect(list.getByText(/not part of the figures above, and not limited to their dates/i)).toBeInTheDocument();
    expect(list.getByText(/not printed with the report, because it names people/i)).toBeInTheDocument();
    const hilda = within(await list.findByRole('heading', { level: 3, name: 'Visit with Hilda' }).then((h) => h.closest('li')!));
    expect(hilda.getByText('Jo Baker')).toBeInTheDocument();
    expect(list.getByText(/the tablet may have lost its records/i)).toBeInTheDocument();
    // Kept off the printed report, which is figures only (the print style hides this class).
    expect(part).toHaveClass('missing-outcomes-on-report');
    expect(world.office.missingOutcomeRequests).toEqual([undefined]);
  });

  it('is not on an organiser’s choice report, who has it on Decisions: one place each, never twice on a screen', async () => {
    const world = await makeWorld({ visitsOnTablet: false });
    const report = renderApp(world, '/reports');
    await screen.findByRole('heading', { level: 2, name: /^Decisions \(/ });
    expect(screen.queryByRole('heading', { name: 'Downloaded visits with no outcome' })).not.toBeInTheDocument();
    expect(world.office.missingOutcomeRequests).toEqual([]);
    report.unmount();

    const office = await makeWorld({ visitsOnTablet: false });
    renderApp(office, '/office');
    await section();
    expect(screen.getAllByRole('heading', { name: 'Downloaded visits with no outcome' })).toHaveLength(1);
  });
});
