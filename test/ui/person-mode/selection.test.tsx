import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPersonMode } from '../../support/person-mode';

// Only the interval timers are faked: Dexie and fake-indexeddb keep their real timeouts.
afterEach(() => {
  vi.useRealTimers();
});

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
    expect((await world.db.outcomes.get(world.visitId))?.payload?.howDecided?.supportsUsed).toEqual(['dwell']);
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
    const highlighted = () => document.querySelector<HTMLElement>('[data-scan-highlight]');
    const named = (el: HTMLElement | null) => el?.closest('label')?.textContent || el?.textContent;
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
    const payload = (await world.db.outcomes.get(world.visitId))?.payload;
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
});
