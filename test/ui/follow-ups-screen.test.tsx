import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../src/sync/transport';
import { makeConflict, makeFollowUp } from '../support/factories';
import { makeWorld, renderApp } from '../support/render';

/** The office with two open follow-ups (Hilda's visit is on the tablet, Ruth's is not) and one done. */
async function followUpsWorld() {
  const world = await makeWorld();
  const hilda = makeFollowUp({ visitId: world.visitId, kind: 'meet-first', summary: 'Asked to meet Sam and Grace first' });
  const ruth = makeFollowUp({ personFirstName: 'Ruth', kind: 'none-of-these', summary: 'None of these', createdAt: '2026-11-25T10:50:00.000Z' });
  const peter = makeFollowUp({
    personFirstName: 'Peter',
    resolvedAt: '2026-11-24T16:05:00.000Z',
    resolvedByName: 'Alex Lewis',
    note: 'Rang his son: they will decide at the weekend',
  });
  for (const f of [hilda, ruth, peter]) world.office.addFollowUp(f);
  return { world, hilda, ruth, peter };
}

async function openFollowUps(world: Awaited<ReturnType<typeof makeWorld>>) {
  const app = renderApp(world, '/follow-ups');
  await screen.findByRole('heading', { level: 2, name: /to do/i });
  return app;
}

const todo = () => screen.getByRole('region', { name: /to do/i });
const done = () => screen.getByRole('region', { name: 'Done recently' });
const item = (region: HTMLElement, name: string) => within(region).getByRole('heading', { level: 3, name }).closest('li')!;

describe('follow-ups', () => {
  it('lists what the office must do, oldest first, with when it was decided and reached the office, and what was done recently', async () => {
    const { world } = await followUpsWorld();
    const { user } = renderApp(world, '/');
    await user.click(await screen.findByRole('link', { name: 'Follow-ups' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Follow-ups' })).toBeInTheDocument();

    expect(await screen.findByRole('heading', { level: 2, name: 'To do (2)' })).toBeInTheDocument();
    expect(within(todo()).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Hilda: Asked to meet Sam and Grace first',
      'Ruth: None of these',
    ]);
    const hilda = within(item(todo(), 'Hilda: Asked to meet Sam and Grace first'));
    expect(hilda.getByText('Decided').nextSibling).toHaveTextContent('Wednesday 25 November, 10:31');
    expect(hilda.getByText('Reached the office').nextSibling).toHaveTextContent('Wednesday 25 November, 10:40');
    expect(await hilda.findByRole('link', { name: /see hilda’s visit/i })).toHaveAttribute('href', `/visits/${world.visitId}`);
    expect(hilda.getByRole('textbox', { name: 'What did the office do? (optional)' })).toHaveAccessibleDescription(
      'For example: Booked Sam to visit on Tuesday.',
    );
    expect(hilda.getByRole('button', { name: 'Mark as done' })).toHaveAccessibleDescription('Hilda: Asked to meet Sam and Grace first');
    // Ruth's visit is not on this tablet: nothing to link to.
    expect(within(item(todo(), 'Ruth: None of these')).queryByRole('link')).not.toBeInTheDocument();

    const peter = within(item(done(), 'Peter: Not sure yet'));
    expect(peter.getByText('Done by').nextSibling).toHaveTextContent('Alex Lewis');
    expect(peter.getByText('Done').nextSibling).toHaveTextContent('Tuesday 24 November, 16:05');
    expect(peter.getByText('Rang his son: they will decide at the weekend')).toBeInTheDocument();
    expect(peter.queryByRole('button')).not.toBeInTheDocument();
  });

  it('marks one as done with a note: it leaves the list, the screen says so, and it is at the top of "Done recently"', async () => {
    const { world, hilda } = await followUpsWorld();
    const { user } = await openFollowUps(world);
    const card = within(item(todo(), 'Hilda: Asked to meet Sam and Grace first'));
    await user.type(card.getByRole('textbox', { name: /what did the office do/i }), '  Booked Sam to visit on Tuesday ');
    await user.click(card.getByRole('button', { name: 'Mark as done' }));

    expect(await screen.findByText('Marked as done: Hilda, “Asked to meet Sam and Grace first”. It is now under “Done recently”.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(screen.getByRole('heading', { level: 2, name: 'To do (1)' })).toHaveFocus();
    expect(within(todo()).queryByText(/hilda/i)).not.toBeInTheDocument();
    const first = within(within(done()).getAllByRole('listitem')[0]!);
    expect(first.getByRole('heading', { level: 3 })).toHaveTextContent('Hilda: Asked to meet Sam and Grace first');
    expect(first.getByText('Done by').nextSibling).toHaveTextContent('Jo Baker');
    expect(first.getByText('Booked Sam to visit on Tuesday')).toBeInTheDocument();
    expect(world.office.followUps.get(hilda.id)).toMatchObject({ note: 'Booked Sam to visit on Tuesday', resolvedByName: 'Jo Baker' });
  });

  it('says so when someone else had already marked it as done, keeping their note', async () => {
    const { world, ruth } = await followUpsWorld();
    const { user } = await openFollowUps(world);
    Object.assign(world.office.followUps.get(ruth.id)!, { resolvedAt: '2026-11-25T10:44:00.000Z', resolvedByName: 'Alex Lewis', note: 'Found two more carers' });
    await user.click(within(item(todo(), 'Ruth: None of these')).getByRole('button', { name: 'Mark as done' }));
    expect(await screen.findByText(/already marked as done by Alex Lewis/)).toHaveAttribute('role', 'status');
    expect(within(done()).getByText('Found two more carers')).toBeInTheDocument();
  });

  it('shows an error from the office next to the follow-up, in plain words, and changes nothing', async () => {
    const { world, hilda } = await followUpsWorld();
    const { user } = await openFollowUps(world);
    world.office.resolveFailure = new ApiFailure(404, 'not-found', 'There is no such follow-up. Refresh the list of follow-ups.');
    const card = within(item(todo(), 'Hilda: Asked to meet Sam and Grace first'));
    await user.type(card.getByRole('textbox', { name: /what did the office do/i }), 'Booked Sam');
    await user.click(card.getByRole('button', { name: 'Mark as done' }));

    expect(await card.findByRole('alert')).toHaveTextContent('Not marked as done. There is no such follow-up. Refresh the list of follow-ups.');
    expect(card.getByRole('textbox', { name: /what did the office do/i })).toHaveValue('Booked Sam');
    expect(screen.getByRole('heading', { level: 2, name: 'To do (2)' })).toBeInTheDocument();
    expect(within(done()).getAllByRole('listitem')).toHaveLength(1);
    expect(world.office.followUps.get(hilda.id)).toMatchObject({ resolvedAt: null, note: null });

    // With no connection, it says so, and pressing again once connected works.
    world.office.resolveFailure = null;
    world.office.online = false;
    await user.click(card.getByRole('button', { name: 'Mark as done' }));
    expect(await card.findByText(/not marked as done: there is no connection to the office/i)).toHaveAttribute('role', 'alert');
    world.office.online = true;
    await user.click(card.getByRole('button', { name: 'Mark as done' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'To do (1)' })).toBeInTheDocument();
  });

  it('says plainly when the office cannot be reached, with "Try again"', async () => {
    const { world } = await followUpsWorld();
    world.office.online = false;
    const { user } = renderApp(world, '/follow-ups');
    expect(await screen.findByRole('alert')).toHaveTextContent(/follow-ups are kept at the office, and this tablet has no connection to it right now/i);
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();

    world.office.online = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'To do (2)' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when there is nothing to follow up and nothing done yet', async () => {
    const world = await makeWorld();
    await openFollowUps(world);
    expect(screen.getByRole('heading', { level: 2, name: 'To do (0)' })).toBeInTheDocument();
    expect(within(todo()).getByText(/nothing to follow up/i)).toBeInTheDocument();
    expect(within(done()).getByText('Nothing has been marked as done yet.')).toBeInTheDocument();
  });

  it('shows records that disagree first, and records which answer stands only with a choice and a note', async () => {
    const { world } = await followUpsWorld();
    const conflict = makeConflict();
    world.office.conflicts.set(conflict.id, conflict);
    const { user } = await openFollowUps(world);
    const region = await screen.findByRole('region', { name: 'Records that disagree (1)' });
    const card = item(region, 'Hilda: Two tablets sent different answers for this visit');
    const answers = within(card).getAllByRole('radio');
    expect(answers).toHaveLength(2);
    expect(within(card).getByText('Tablet A')).toBeInTheDocument();
    expect(within(card).getByText('Grace')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Record the decision' }));
    expect(within(card).getByRole('alert')).toHaveTextContent('Choose the answer that stands.');
    await user.click(answers[1]!); // Tablet A: Sam
    await user.click(within(card).getByRole('button', { name: 'Record the decision' }));
    expect(within(card).getByRole('alert')).toHaveTextContent('Say in a few words what was decided');
    expect(world.office.conflicts.get(conflict.id)?.resolvedAt).toBeNull();

    await user.type(within(card).getByLabelText('What was decided, and why'), 'Rang Hilda, who said Sam again');
    await user.click(within(card).getByRole('button', { name: 'Record the decision' }));
    expect(await screen.findByText('Decision recorded for Hilda: Rang Hilda, who said Sam again')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /records that disagree/i })).not.toBeInTheDocument();
    expect(world.office.conflicts.get(conflict.id)).toMatchObject({ keptEventId: conflict.answers[1]!.eventId, note: 'Rang Hilda, who said Sam again' });
  });

  it('shows a changed shortlist with the one answer and the shortlist now, and asks only for a note', async () => {
    const { world } = await followUpsWorld();
    const conflict = makeConflict({
      kind: 'shortlist-changed',
      summary: 'The answer was made from a shortlist the office has since changed',
      answers: [makeConflict().answers[0]!],
      shortlistFirstNames: ['Sam', 'Grace'],
    });
    world.office.conflicts.set(conflict.id, conflict);
    const { user } = await openFollowUps(world);
    const card = item(await screen.findByRole('region', { name: 'Records that disagree (1)' }), 'Hilda: The answer was made from a shortlist the office has since changed');
    expect(within(card).queryByRole('radio')).not.toBeInTheDocument();
    expect(within(card).getByText('The shortlist is now: Sam, Grace.')).toBeInTheDocument();
    await user.type(within(card).getByLabelText('What was decided, and why'), 'Grace is still free: kept');
    await user.click(within(card).getByRole('button', { name: 'Record the decision' }));
    expect(await screen.findByText('Decision recorded for Hilda: Grace is still free: kept')).toBeInTheDocument();
  });
});
