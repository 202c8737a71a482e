import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { PersonModeSettings } from '../../src/domain/person-mode';
import { DEFAULT_PERSON_MODE_SETTINGS } from '../../src/domain/person-mode';
import { makeWorld, ORGANISER_PIN, renderApp, TEST_NOW, type WorldOptions } from './render';

export { ORGANISER_PIN };
export const QUESTION = 'Who would you like to support you, Hilda?';

export interface PersonModeOptions extends WorldOptions {
  /** Settings changed on this tablet for Hilda (as recordPersonModeSettings keeps them). */
  settings?: Partial<PersonModeSettings>;
  /** Wait for this heading instead of the English question. */
  heading?: string | null;
}

/** A world with the pack ready, the app at the visits list, then person mode opened for Hilda. */
export async function openPersonMode(options: PersonModeOptions = {}) {
  const { settings, heading = QUESTION, ...worldOptions } = options;
  const world = await makeWorld({ packReady: true, ...worldOptions });
  if (settings) {
    await world.db.personModeSettings.put({
      personId: world.pack.person.id,
      settings: { ...DEFAULT_PERSON_MODE_SETTINGS, ...settings },
      changedAt: TEST_NOW.toISOString(),
    });
  }
  const rendered = renderApp(world, '/');
  await screen.findByRole('heading', { level: 1, name: 'Planned visits' });
  await rendered.router.navigate(`/person/${world.visitId}`);
  if (heading) await screen.findByRole('heading', { level: 1, name: heading });
  return { world, ...rendered };
}

/** "Give the tablet back", the organiser's PIN, then "How was this decided?" saved as it is. */
export async function giveTabletBack(user: UserEvent): Promise<void> {
  await user.click(await screen.findByRole('button', { name: 'Give the tablet back' }));
  await user.type(await screen.findByLabelText('PIN'), ORGANISER_PIN);
  await user.click(screen.getByRole('button', { name: 'Unlock' }));
  await user.click(await screen.findByRole('button', { name: 'Save and finish' }));
  await screen.findByRole('heading', { level: 1, name: /^Visit to / });
}
