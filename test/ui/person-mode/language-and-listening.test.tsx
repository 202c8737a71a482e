import { screen, within } from '@testing-library/react';
import { getOutcome } from '../../../src/local-db/queries';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSpeech, removeFakeSpeech } from '../../support/fake-speech';
import { openPersonMode } from '../../support/person-mode';

const WELSH_QUESTION = "Pwy hoffech chi i'ch cefnogi, Hilda?";

afterEach(removeFakeSpeech);

describe('person mode in Welsh', () => {
  it('speaks Welsh throughout, and records the language used', async () => {
    const { user, world } = await openPersonMode({ settings: { language: 'cy' }, heading: WELSH_QUESTION });
    expect(screen.getByRole('main').closest('[lang]')).toHaveAttribute('lang', 'cy');
    // The carer's own words are English: marked so a screen reader reads them in an English voice.
    expect(screen.getAllByRole('list')[0]).toHaveAttribute('lang', 'en-GB');
    expect(screen.getByRole('heading', { name: 'Beth mae pobl yn ei werthfawrogi amdana i' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dangos llun a ffilm Sam' })).toBeInTheDocument();
    const scale = screen.getByRole('radiogroup', { name: "Beth ydych chi'n ei feddwl o Sam?" });
    expect(within(scale).getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(["Dw i'n hoffi", 'Ddim yn siŵr', 'Ddim i mi']);
    expect(screen.getByRole('button', { name: 'Nesaf' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Gweld pawb' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Atebion eraill' }));
    expect(screen.getByRole('button', { name: "Dim un o'r rhain" })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Mynd yn ôl' }));

    await user.click(screen.getByRole('button', { name: 'Dewis Sam' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dewisoch chi Sam' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: "Rhoi'r llechen yn ôl" })).toBeInTheDocument();
    const payload = (await getOutcome(world.db, world.visitId))?.payload;
    expect(payload?.language).toBe('cy');
    expect(payload?.howDecided?.supportsUsed).toEqual(['welsh']);
  });

  it('offers no Listen button in Welsh when the tablet has no Welsh voice and no recording', async () => {
    fakeSpeech([{ lang: 'en-GB' }]);
    await openPersonMode({ settings: { language: 'cy' }, heading: WELSH_QUESTION });
    expect(screen.queryByRole('button', { name: /^Gwrando/ })).not.toBeInTheDocument();
  });
});

describe('Listen', () => {
  it('reads each block aloud with the device voice when there is no recording, and notes audio was used', async () => {
    const spoken = fakeSpeech([{ lang: 'en-GB' }]);
    const { user, world } = await openPersonMode();
    const card = screen.getByRole('article', { name: 'Sam' });
    await user.click(within(card).getByRole('button', { name: 'Listen: What matters to me' }));
    expect(spoken).toHaveLength(1);
    expect(spoken[0]!.lang).toBe('en-GB');
    for (const item of world.pack.candidates[0]!.mattersToMe) expect(spoken[0]!.text).toContain(item);

    await user.click(screen.getByRole('button', { name: 'Choose Sam' }));
    await screen.findByRole('heading', { level: 1, name: 'You chose Sam' });
    expect((await getOutcome(world.db, world.visitId))?.payload?.howDecided?.supportsUsed).toEqual(['audio']);
  });

  it('plays the carer’s own recording when the pack has one', async () => {
    const played: string[] = [];
    vi.stubGlobal(
      'Audio',
      class {
        src: string;
        onended: (() => void) | null = null;
        constructor(src: string) {
          this.src = src;
        }
        play() {
          played.push(this.src);
          return Promise.resolve();
        }
        pause() {}
      },
    );
    const { user } = await openPersonMode({ pack: { voice: true } });
    const card = screen.getByRole('article', { name: 'Sam' });
    await user.click(await within(card).findByRole('button', { name: 'Listen: What people appreciate about me' }));
    expect(played).toHaveLength(1);
    expect(played[0]).toMatch(/^blob:/);
    expect(within(card).getByRole('button', { name: 'Stop: What people appreciate about me' })).toBeInTheDocument();
  });

  it('is hidden when the tablet can neither speak nor play a recording', async () => {
    await openPersonMode();
    expect(screen.queryByRole('button', { name: /^Listen/ })).not.toBeInTheDocument();
  });
});

describe('person mode settings', () => {
  it('applies text size, high contrast and reduced motion from the settings', async () => {
    await openPersonMode({ settings: { textSize: 'largest', highContrast: true, reducedMotion: true } });
    const root = screen.getByRole('main').parentElement!;
    expect(root).toHaveClass('person-mode', 'text-largest', 'high-contrast', 'reduced-motion');
  });
});
