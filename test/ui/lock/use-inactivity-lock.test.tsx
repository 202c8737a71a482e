import { fireEvent, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INACTIVITY_LOCK_MS, useInactivityLock } from '../../../src/ui/lock/use-inactivity-lock';

afterEach(() => {
  vi.useRealTimers();
});

describe('the inactivity lock timer (A5)', () => {
  it('locks after five minutes without a touch or a key, and each use starts the time again', () => {
    vi.useFakeTimers();
    const lock = vi.fn();
    renderHook(() => useInactivityLock(true, lock));
    expect(INACTIVITY_LOCK_MS).toBe(5 * 60_000);
    vi.advanceTimersByTime(INACTIVITY_LOCK_MS - 1000);
    fireEvent.pointerDown(window);
    vi.advanceTimersByTime(INACTIVITY_LOCK_MS - 1000);
    fireEvent.keyDown(window, { key: 'a' });
    vi.advanceTimersByTime(INACTIVITY_LOCK_MS - 1);
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(lock).toHaveBeenCalledTimes(1);
  });

  it('never locks while not active (person mode, or already locked)', () => {
    vi.useFakeTimers();
    const lock = vi.fn();
    renderHook(() => useInactivityLock(false, lock));
    vi.advanceTimersByTime(INACTIVITY_LOCK_MS * 10);
    expect(lock).not.toHaveBeenCalled();
  });
});
