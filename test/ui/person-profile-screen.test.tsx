import { cleanup, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { getFormDraft } from '../../src/local-db/form-drafts';
import { makePersonProfileView } from '../support/factories';
import { makeWorld, renderApp } from '../support/render';

async function peopleWorld() {
  const world = await makeWorld({ visitsOnTablet: false });
  const hilda = makePersonProfileView();
  world.office.personProfiles.set(hilda.id, hilda);
  return { world, hilda };
}

describe("a person's one-page profile", () => {
  it('lists people, adds a newly referred one, and says what is missing, next to each field', async () => {
    const { world } = await peopleWorld();
    const { user } = renderApp(world, '/');
    await user.click(await screen.findByRole('link', { name: 'People' }));
    const table = await screen.findByRole('table', { name: '1 person' });
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['HildaComplete']);

    await user.type(screen.getByRole('textbox', { name: 'First name' }), 'Elsie');
    await user.click(screen.getByRole('button', { name: 'Add and write their profile' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Elsie’s one-page profile' })).toBeInTheDocument();
    await user.type(await screen.findByRole('textbox', { name: 'Age' }), 'ninety');
    await user.click(screen.getByRole('button', { name: 'Save the profile' }));
    const summary = await screen.findByRole('alert');
    const problems = within(summary).getAllByRole('link').map((a) => a.textContent);
    expect(problems).toContain('Age: must be a number');
    expect(problems).toContain('What is important to me: needs at least one thing');
    expect(problems).toContain('Speech: must be chosen');
    expect(problems).toContain('When support is needed: needs at least one time');
    expect(screen.getByRole('textbox', { name: 'Age' })).toHaveAccessibleDescription('must be a number');
    expect(world.office.personSaves).toEqual([]);
  });

  it('saves a changed profile, and keeps what was typed through a reload while the office cannot be reached', async () => {
    const { world, hilda } = await peopleWorld();
    const first = renderApp(world, `/people/${hilda.id}`);
    const interests = await screen.findByRole('textbox', { name: 'Interests' });
    await first.user.type(interests, '\nknitting');
    await first.user.click(screen.getByRole('radio', { name: 'Uses some words' }));
    world.office.online = false;
    await first.user.click(screen.getByRole('button', { name: 'Save the profile' }));
    expect(await screen.findByText(/not saved yet: the office could not be reached/i)).toBeInTheDocument();

    cleanup();
    const second = renderApp(world, `/people/${hilda.id}`);
    expect(await screen.findByText(/restored what was typed on this device/i)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Interests' })).toHaveValue('old movies\nCary Grant\nknitting');
    expect(screen.getByRole('radio', { name: 'Uses some words' })).toBeChecked();
    world.office.online = true;
    await second.user.click(screen.getByRole('button', { name: 'Save the profile' }));
    expect(await screen.findByText(/saved at the office at/i)).toBeInTheDocument();
    expect(world.office.personSaves[0]!.request.profile).toMatchObject({ interests: ['old movies', 'Cary Grant', 'knitting'], speech: 'some-words', personalCareBy: null });
    expect(await getFormDraft(world.db, `person:${hilda.id}`)).toBeUndefined();
  });

  it('sets person mode for them at the office', async () => {
    const { world, hilda } = await peopleWorld();
    const { user } = renderApp(world, `/people/${hilda.id}`);
    const settings = await screen.findByRole('region', { name: 'Person mode settings for Hilda' });
    await user.click(within(settings).getByRole('radio', { name: 'Largest' }));
    await user.click(within(settings).getByRole('checkbox', { name: /high contrast/i }));
    await user.click(within(settings).getByRole('button', { name: 'Save settings for Hilda' }));
    expect(await within(settings).findByText(/saved at the office/i)).toBeInTheDocument();
    expect(world.office.personProfiles.get(hilda.id)!.personMode).toMatchObject({ textSize: 'largest', highContrast: true });

    world.office.online = false;
    await user.click(within(settings).getByRole('radio', { name: 'Larger' }));
    await user.click(within(settings).getByRole('button', { name: 'Save settings for Hilda' }));
    expect(await within(settings).findByText(/not saved: the office could not be reached/i)).toBeInTheDocument();
  });
});
