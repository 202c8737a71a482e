import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testId } from '../support/factories';
import { makeWorld, renderApp } from '../support/render';

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
