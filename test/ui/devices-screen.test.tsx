import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { saveSession } from '../../src/local-db/queries';
import { testId } from '../support/factories';
import { makeWorld, renderApp, TEST_NOW } from '../support/render';

async function axeViolations(root: HTMLElement) {
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** An office with this tablet and a lost one enrolled. */
async function officeWithTablets() {
  const world = await makeWorld();
  const thisTablet = (await world.db.device.get('this'))!;
  await world.office.enrolDevice({ deviceId: thisTablet.deviceId, label: thisTablet.label });
  const lost = testId();
  await world.office.enrolDevice({ deviceId: lost, label: 'Chrome on Android tablet' });
  return { world, lost };
}

describe('the Devices screen', () => {
  it('lists the tablets with who set them up, when, when last seen and their status', async () => {
    const { world } = await officeWithTablets();
    renderApp(world, '/devices');
    const lost = await screen.findByRole('listitem', { name: 'Chrome on Android tablet' });
    expect(lost).toHaveTextContent('In use');
    expect(lost).toHaveTextContent(/Set up.*by Jo Baker/);
    expect(lost).toHaveTextContent('Last in touch with the office');
    expect(await screen.findByRole('listitem', { name: 'Safari on iPad (this tablet)' })).toBeInTheDocument();
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('removes a lost tablet only after a confirmation that says what happens', async () => {
    const { world, lost } = await officeWithTablets();
    const { user } = renderApp(world, '/devices');
    const card = await screen.findByRole('listitem', { name: 'Chrome on Android tablet' });
    await user.click(within(card).getByRole('button', { name: 'Remove Chrome on Android tablet' }));

    const confirm = within(card).getByRole('group', { name: 'Remove Chrome on Android tablet?' });
    expect(confirm).toHaveTextContent(/lost or stolen/);
    expect(confirm).toHaveTextContent(/deletes everything Hearth kept on it/);
    expect(confirm).toHaveTextContent(/Records it has not sent yet are lost/);
    expect(await axeViolations(document.body)).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(world.office.devices.get(lost)?.status).toBe('enrolled');

    await user.click(within(card).getByRole('button', { name: 'Remove Chrome on Android tablet' }));
    await user.click(within(card).getByRole('button', { name: 'Remove and wipe Chrome on Android tablet' }));
    expect(await screen.findByText(/Chrome on Android tablet has been removed\./)).toBeInTheDocument();
    expect(world.office.devices.get(lost)?.status).toBe('revoked');
    const removed = await screen.findByRole('listitem', { name: 'Chrome on Android tablet' });
    expect(removed).toHaveTextContent(/Removed.*by Jo Baker/);
    expect(within(removed).queryByRole('button')).not.toBeInTheDocument();
  });

  it('warns that removing the tablet in use wipes it too', async () => {
    const { world } = await officeWithTablets();
    const { user } = renderApp(world, '/devices');
    const card = await screen.findByRole('listitem', { name: 'Safari on iPad (this tablet)' });
    await user.click(within(card).getByRole('button', { name: 'Remove Safari on iPad (this tablet)' }));
    expect(within(card).getByRole('group')).toHaveTextContent('This is the tablet you are using: it will be wiped too.');
  });

  it('is in the navigation for organisers and admins, not for care workers', async () => {
    const world = await makeWorld();
    renderApp(world, '/');
    expect(await screen.findByRole('link', { name: 'Devices' })).toHaveAttribute('href', '/devices');

    const admin = await makeWorld();
    await saveSession(admin.db, { ...admin.office.session, user: { ...admin.office.session.user, role: 'admin' } }, TEST_NOW);
    renderApp(admin, '/devices');
    expect(await screen.findAllByRole('link', { name: 'Devices' })).not.toHaveLength(0);
  });
});
