import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MATCH_CHANGED_MESSAGE } from '../../src/domain/match-runs';
import { rankCarers } from '../../src/domain/matching/rank-carers';
import { makeMatching } from '../support/matching-factories';
import { makeWorld, renderApp } from '../support/render';

/** The app signed in, the office knowing Hilda and eight care workers, and what the engine makes of them. */
async function matchingWorld() {
  const world = await makeWorld();
  const matching = await makeMatching();
  world.office.addMatching(matching);
  const result = rankCarers(matching.scenario.person, matching.scenario.staff);
  return { world, matching, result, name: (rank: number) => result.ranked[rank - 1]!.name };
}

async function openHildasMatch() {
  const setup = await matchingWorld();
  const app = renderApp(setup.world, `/match/${setup.matching.person.id}`);
  await screen.findByRole('heading', { level: 1, name: 'Match care workers for Hilda' });
  return { ...setup, ...app };
}

const shortlistBox = (name: string) => screen.getByRole('checkbox', { name: `Shortlist ${name}` });

describe('matching care workers', () => {
  it('starts from "Match carers", then shows the funnel, each ranked carer with the why, and who cannot and why', async () => {
    const { world, result } = await matchingWorld();
    const { user } = renderApp(world, '/');
    await user.click(await screen.findByRole('link', { name: 'Match carers' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Match care workers' })).toBeInTheDocument();
    await user.click(await screen.findByRole('link', { name: 'Hilda, 94' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Match care workers for Hilda' })).toBeInTheDocument();

    const steps = within(screen.getByRole('list', { name: 'Matching steps' })).getAllByRole('listitem');
    expect(steps.map((li) => li.textContent)).toEqual([
      `${result.funnel.considered} care workers`,
      `${result.funnel.available} free at Hilda's times, near enough, with the skills needed`,
      `${result.funnel.goodFit} a good personality fit`,
      'ranked by shared interests',
    ]);
    expect(result.funnel).toMatchObject({ considered: 8, available: 5, goodFit: 4 });
    expect(screen.getByText(/5 care workers can support Hilda, best match first/)).toHaveAttribute('role', 'status');

    const shortlist = screen.getByRole('group', { name: /shortlist 3 or 4 care workers for hilda/i });
    const items = within(shortlist).getAllByRole('listitem');
    expect(items).toHaveLength(result.ranked.length);
    result.ranked.forEach((carer, i) => {
      const item = within(items[i]!);
      expect(item.getByRole('heading', { level: 3 })).toHaveTextContent(`Ranked ${carer.rank} ${carer.name}`);
      expect(item.getByText(carer.why)).toBeInTheDocument();
      expect(item.getByRole('checkbox', { name: `Shortlist ${carer.name}` })).not.toBeChecked();
    });
    expect(within(items[0]!).getByText(/Has what Hilda gets on with: calm, patient, great listener/)).toBeInTheDocument();
    expect(within(items[0]!).getByText(/Same: old movies, Cary Grant/)).toBeInTheDocument();
    expect(within(items[4]!).getByText(/Poor personality fit\. Has what Hilda does not get on with: lively/)).toBeInTheDocument();

    const excluded = screen.getByRole('region', { name: 'Cannot support Hilda (3)' });
    for (const carer of result.excluded) {
      expect(within(excluded).getByText(carer.name).closest('li')).toHaveTextContent(carer.reasons.join('; '));
    }
    expect(within(excluded).queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('asks for 3 or 4 care workers and plans nothing otherwise', async () => {
    const { user, world, name } = await openHildasMatch();
    await user.click(shortlistBox(name(1)));
    await user.click(shortlistBox(name(2)));
    await user.click(screen.getByRole('button', { name: 'Plan the visit' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose at least 3 care workers for the home visit.');
    expect(shortlistBox(name(1))).toHaveAccessibleDescription('Choose at least 3 care workers for the home visit.');

    for (const rank of [3, 4, 5]) await user.click(shortlistBox(name(rank)));
    await user.click(screen.getByRole('button', { name: 'Plan the visit' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose at most 4 care workers for the home visit.');
    expect(world.office.plannedVisits).toEqual([]);
  });

  it('asks "Why not …?" for a higher-ranked carer passed over, and will not plan without an answer', async () => {
    const { user, world, name } = await openHildasMatch();
    expect(screen.queryByRole('textbox', { name: /why not/i })).not.toBeInTheDocument();
    for (const rank of [2, 3, 4]) await user.click(shortlistBox(name(rank)));

    const whyNot = screen.getByRole('textbox', { name: `Why not ${name(1)}?` });
    expect(whyNot).toBeRequired();
    expect(screen.getAllByRole('textbox', { name: /why not/i })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Plan the visit' }));
    expect(whyNot).toHaveAccessibleDescription(new RegExp(`Say why ${name(1)} \\(ranked 1\\) was passed over\\.`));
    expect(whyNot).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing has been saved yet');
    expect(world.office.plannedVisits).toEqual([]);

    // Shortlisting the carer instead makes the question go away.
    await user.click(shortlistBox(name(4)));
    await user.click(shortlistBox(name(1)));
    expect(screen.queryByRole('textbox', { name: /why not/i })).not.toBeInTheDocument();
  });

  it('checks the time and place next to their fields', async () => {
    const { user, world, name } = await openHildasMatch();
    for (const rank of [1, 2, 3]) await user.click(shortlistBox(name(rank)));
    expect(screen.getByLabelText('Place')).toHaveValue('Hilda’s home, Bispham');
    await user.clear(screen.getByLabelText('Place'));
    fireEvent.change(screen.getByLabelText('Date and time'), { target: { value: '2020-01-01T10:00' } });
    await user.click(screen.getByRole('button', { name: 'Plan the visit' }));
    expect(screen.getByLabelText('Place')).toHaveAccessibleDescription(/Enter where the home visit will be\./);
    expect(screen.getByLabelText('Date and time')).toHaveAccessibleDescription('That time has passed. Choose a time in the future.');
    expect(world.office.plannedVisits).toEqual([]);
  });

  it('plans the visit, opens it ready to download, and shows how the shortlist was made', async () => {
    const { user, world, router, result, name } = await openHildasMatch();
    for (const rank of [2, 3, 4]) await user.click(shortlistBox(name(rank)));
    await user.type(screen.getByRole('textbox', { name: `Why not ${name(1)}?` }), 'On leave that week');
    await user.click(screen.getByRole('button', { name: 'Plan the visit' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Visit to Hilda' })).toBeInTheDocument();
    const [planned] = world.office.plannedVisits;
    expect(planned).toMatchObject({
      shortlist: result.ranked.slice(1, 4).map((c) => c.id),
      passedOver: [{ carerId: result.ranked[0]!.id, reason: 'On leave that week' }],
      place: 'Hilda’s home, Bispham',
    });
    expect(router.state.location.pathname).toMatch(/^\/visits\/[0-9a-f-]{36}$/);

    const how = await screen.findByRole('region', { name: 'How this shortlist was made' });
    expect(how).toHaveTextContent('Jo Baker ran the match');
    expect(how).toHaveTextContent(`${name(1)} (ranked 1): On leave that week`);
    expect(how).toHaveTextContent(`Shortlisted: ${name(2)} (ranked 2), ${name(3)} (ranked 3), ${name(4)} (ranked 4).`);

    await user.click(screen.getByRole('button', { name: 'Get ready for offline use' }));
    expect(await screen.findByText('Ready to use offline')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hand the tablet to Hilda' })).toBeInTheDocument();
  });

  it("says the office's data changed and runs the match again", async () => {
    const { user, world, matching, name } = await openHildasMatch();
    for (const rank of [1, 2, 3]) await user.click(shortlistBox(name(rank)));
    const sam = matching.scenario.staff.find((s) => s.name === name(1))!;
    sam.availability = [];
    await user.click(screen.getByRole('button', { name: 'Plan the visit' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(MATCH_CHANGED_MESSAGE);
    expect(world.office.plannedVisits).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Run the match again' }));
    expect(await screen.findByText(/4 care workers can support Hilda/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Cannot support Hilda (4)' })).toHaveTextContent(name(1));
  });

  it('says plainly that matching needs a connection', async () => {
    const { world, matching } = await matchingWorld();
    world.office.online = false;
    const { user } = renderApp(world, `/match/${matching.person.id}`);
    expect(await screen.findByRole('alert')).toHaveTextContent(/matching needs a connection to the office/i);
    world.office.online = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Match care workers for Hilda' })).toBeInTheDocument();
  });
});
