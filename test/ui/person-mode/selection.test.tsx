import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { getOutcome } from '../../../src/local-db/queries';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCAN_ROUNDS_BEFORE_PAUSE } from '../../../src/ui/person-mode/use-scanning';
import { fakeSpeech, removeFakeSpeech } from '../../support/fake-speech';
import { openPersonMode } from '../../support/person-mode';

// Only the interval timers are faked: Dexie and fake-indexeddb keep their real timeouts.
afterEach(() => {
  vi.useRealTimers();
  removeFakeSpeech();
});

const highlighted = () => document.querySelector<HTMLElement>('[data-scan-highlight]');
const named = (el: HTMLElement | null) => el?.closest('label')?.textContent || el?.textContent;
/** The scanning targets in order, as the light visits them once round. */
const scanTargets = () =>
  Array.from(document.querySelectorAll<HTMLElement>('main button:not([disabled]):not([aria-disabled="true"]):not([data-scan-skip]), main input')).filter(
    (el) => !el.closest('[inert]'),
  );

describe('dwell: hold to choose', () => {
  it('chooses only once the finger has stayed for the dwell time; lifting early cancels', async () => {
    const { world } = await openPersonMode({ settings: { selection: 'dwell', dwellMs: 1500 } });
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const choose = screen.getByRole('button', { name: 'Choose Sam' });

    fireEvent.pointerDown(choose, { button: 0 });
    act(() => vi.advanceTimersByTime(1000));
    const ring = choose.querySelector('.dwell-ring')!;
    expect(Number(ring.getAttribute('data-progress'))).toBeGreaterThan(0.5);
    fireEvent.pointerUp(choose);
    expect(ring.getAttribute('data-progress')).toBe('0.00');
    act(() => vi.advanceTimersByTime(2000));
    fireEvent.click(choose, { detail: 1 }); // the tap itself chooses nothing
    expect(screen.queryByText('You chose Sam')).not.toBeInTheDocument();
    expect(await world.db.outcomes.count()).toBe(0);

    fireEvent.pointerDown(choose, { button: 0 });
    act(() => vi.advanceTimersByTime(1500));
    vi.useRealTimers();
    expect(await screen.findByRole('heading', { level: 1, name: 'You chose Sam' })).toBeInTheDocument();
    expect((await getOutcome(world.db, world.visitId))?.payload?.howDecided?.supportsUsed).toEqual(['dwell']);
  });

  it('a keyboard or switch press still acts at once', async () => {
    await openPersonMode({ settings: { selection: 'dwell' } });
    fireEvent.click(screen.getByRole('button', { name: 'Other answers' }), { detail: 0 });
    fireEvent.click(screen.getByRole('button', { name: 'None of these' }), { detail: 0 });
    expect(await screen.findByRole('heading', { level: 1, name: 'You said none of these' })).toBeInTheDocument();
  });
});

describe('scanning', () => {
  it('moves the highlight through the choices on a timer; Enter or a tap anywhere presses the highlighted one', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { world } = await openPersonMode({ settings: { selection: 'scan', scanIntervalMs: 2000 } });
    // Scanning starts just after the first paint.
    await waitFor(() => expect(named(highlighted())).toBe("Show Sam's photo and film"));
    expect(highlighted()).toHaveFocus();

    act(() => vi.advanceTimersByTime(2000));
    expect(named(highlighted())).toBe('I like');
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(screen.getByRole('radio', { name: 'I like' })).toBeChecked();

    act(() => vi.advanceTimersByTime(3 * 2000));
    expect(named(highlighted())).toBe('Choose Sam');
    fireEvent.click(screen.getByRole('heading', { level: 1 })); // a tap anywhere is the switch
    vi.useRealTimers();
    expect(await screen.findByRole('heading', { level: 1, name: 'You chose Sam' })).toBeInTheDocument();
    const payload = (await getOutcome(world.db, world.visitId))?.payload;
    expect(payload?.reactions).toEqual([{ carerId: world.pack.candidates[0]!.id, reaction: 'like' }]);
    expect(payload?.howDecided?.supportsUsed).toEqual(['scanning']);
  });

  it('leaves the organiser button out of the scan, and it still works by touch', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await openPersonMode({ settings: { selection: 'scan', scanIntervalMs: 1000 } });
    await waitFor(() => expect(document.querySelector('[data-scan-highlight]')).not.toBeNull());
    const seen = new Set<string>();
    for (let i = 0; i < 15; i++) {
      act(() => vi.advanceTimersByTime(1000));
      seen.add(document.querySelector('[data-scan-highlight]')?.textContent ?? '');
    }
    expect(seen).not.toContain('Organiser');
    expect(seen).toContain('Other answers');
    fireEvent.click(screen.getByRole('button', { name: 'Organiser' }));
    expect(screen.getByRole('dialog', { name: 'Organiser’s PIN' })).toBeInTheDocument();
  });

  it('tells the person how to choose, in the line under the question', async () => {
    await openPersonMode({ settings: { selection: 'scan' } });
    expect(screen.getByText('The light moves through the buttons. Tap anywhere to choose the lit one.')).toBeInTheDocument();
  });

  it('stops the light after three rounds with nothing chosen; the next tap starts it again and chooses nothing', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { world } = await openPersonMode({ settings: { selection: 'scan', scanIntervalMs: 1000 } });
    await waitFor(() => expect(named(highlighted())).toBe("Show Sam's photo and film"));
    const perRound = scanTargets().length;

    act(() => vi.advanceTimersByTime((SCAN_ROUNDS_BEFORE_PAUSE * perRound - 1) * 1000));
    expect(highlighted()).not.toBeNull();
    act(() => vi.advanceTimersByTime(1000));
    expect(highlighted()).toBeNull();
    expect(screen.getByText('The light has stopped. Tap anywhere to start it again.').closest('[role="status"]')).not.toBeNull();
    act(() => vi.advanceTimersByTime(10_000));
    expect(highlighted()).toBeNull(); // it stays stopped

    fireEvent.click(screen.getByRole('heading', { level: 1 }));
    expect(named(highlighted())).toBe("Show Sam's photo and film");
    expect(screen.queryByText('The light has stopped. Tap anywhere to start it again.')).not.toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'Photo of Sam' })).not.toBeInTheDocument(); // nothing was pressed
    vi.useRealTimers();
    expect(await world.db.outbox.count()).toBe(0);
  });

  it('a second switch steps the light back or on with the arrow keys, and the timer starts again from there', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await openPersonMode({ settings: { selection: 'scan', scanIntervalMs: 2000 } });
    await waitFor(() => expect(named(highlighted())).toBe("Show Sam's photo and film"));
    act(() => vi.advanceTimersByTime(2 * 2000));
    expect(named(highlighted())).toBe('Not sure');

    act(() => vi.advanceTimersByTime(1500));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' }); // the person was a moment too late
    expect(named(highlighted())).toBe('I like');
    act(() => vi.advanceTimersByTime(1500));
    expect(named(highlighted())).toBe('I like'); // a whole interval from the step, not from the last tick
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(screen.getByRole('radio', { name: 'I like' })).toBeChecked();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(named(highlighted())).toBe('Not sure');
  });

  it('says each choice aloud as the light reaches it when the settings ask, in the person’s language', async () => {
    const spoken = fakeSpeech([{ lang: 'cy-GB' }]);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await openPersonMode({ settings: { selection: 'scan', scanIntervalMs: 2000, scanSpeak: true, language: 'cy' }, heading: "Pwy hoffech chi i'ch cefnogi, Hilda?" });
    // The first choice is the question's Listen button, named for what it reads.
    await waitFor(() => expect(spoken.map((u) => u.text)).toEqual(["Gwrando: Pwy hoffech chi i'ch cefnogi, Hilda?"]));
    for (let i = 0; i < 7; i++) {
      act(() => vi.advanceTimersByTime(2000));
      const el = highlighted()!;
      expect(spoken.at(-1)?.text).toBe(el.getAttribute('aria-label') ?? named(el)?.trim());
    }
    expect(spoken.map((u) => u.text)).toEqual(expect.arrayContaining(['Dangos llun a ffilm Sam', "Dw i'n hoffi", 'Ddim yn siŵr', 'Dewis Sam']));
    expect(spoken.every((u) => u.lang === 'cy-GB')).toBe(true);
  });

  it('beeps instead of speaking when the settings do not ask for speech', async () => {
    const spoken = fakeSpeech([{ lang: 'en-GB' }]);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await openPersonMode({ settings: { selection: 'scan', scanIntervalMs: 2000 } });
    await waitFor(() => expect(highlighted()).not.toBeNull());
    act(() => vi.advanceTimersByTime(2 * 2000));
    expect(spoken).toEqual([]);
  });
});
