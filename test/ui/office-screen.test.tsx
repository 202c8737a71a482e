import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeConflict } from '../support/factories';
import { giveTabletBack } from '../support/person-mode';
import { renderAt } from '../support/render';

describe('decisions (office view)', () => {
  it('says a visit is waiting for a decision until the office has one', async () => {
    await renderAt('/office');
    expect(await screen.findByRole('heading', { level: 1, name: 'Decisions' })).toBeInTheDocument();
    expect(await screen.findByText('Waiting for a decision')).toBeInTheDocument();
  });

  it('shows who was chosen, when, and on which tablet, fetched from the office when the screen opens', async () => {
    const { world, user, router } = await renderAt('/', { packReady: true });
    await router.navigate(`/person/${world.visitId}`);
    await user.click(await screen.findByRole('button', { name: 'See everyone' }));
    await user.click(await screen.findByRole('button', { name: 'Choose Grace' }));
    await giveTabletBack(user);
    await user.click(await screen.findByRole('button', { name: 'Sync now' }));
    await screen.findByText('Nothing waiting to be sent');

    await user.click(screen.getByRole('link', { name: 'Decisions' }));

    const item = (await screen.findByRole('heading', { level: 2, name: /hilda/i })).closest('li')!;
    const decision = within(item);
    expect(await decision.findByText('Grace')).toBeInTheDocument();
    expect(decision.getByText('Decision')).toBeInTheDocument();
    expect(decision.getByText('Test tablet')).toBeInTheDocument();
    expect(decision.getAllByText('Wednesday 25 November, 10:31')).toHaveLength(2);
    expect(decision.queryByText('Waiting for a decision')).not.toBeInTheDocument();
  });

  it('shows "None of these" when the person chose no one', async () => {
    const { world, user, router } = await renderAt('/', { packReady: true });
    await router.navigate(`/person/${world.visitId}`);
    await user.click(await screen.findByRole('button', { name: 'Other answers' }));
    await user.click(await screen.findByRole('button', { name: 'None of these' }));
    await giveTabletBack(user);
    await world.sync.syncNow();
    await router.navigate('/office');
    expect(await screen.findByText('None of these')).toBeInTheDocument();
  });

  it('flags a visit whose records disagree, with the way to Follow-ups where the office decides', async () => {
    const { world, user } = await renderAt('/', { packReady: true });
    const conflict = makeConflict({ visitId: world.visitId });
    world.office.conflicts.set(conflict.id, conflict);
    await user.click(await screen.findByRole('link', { name: 'Decisions' }));
    const item = (await screen.findByRole('heading', { level: 2, name: /hilda/i })).closest('li')!;
    expect(await within(item).findByText(/the records for this visit disagree/i)).toBeInTheDocument();
    await user.click(within(item).getByRole('link', { name: 'See Follow-ups' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Follow-ups' })).toBeInTheDocument();
  });
});
