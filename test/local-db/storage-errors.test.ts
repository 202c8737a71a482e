import { describe, expect, it } from 'vitest';
import { isQuotaError, retryStorageOnce } from '../../src/local-db/storage-errors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('storage errors', () => {
  it('recognises a full tablet, also when Dexie wraps it in an AbortError', () => {
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() });
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(wrapped)).toBe(true);
    expect(isQuotaError(new TypeError('x'))).toBe(false);
  });

  it('tries a refused write once more, and throws the second refusal', async () => {
    let calls = 0;
    await expect(retryStorageOnce(async () => (++calls === 1 ? Promise.reject(quota()) : 'saved'))).resolves.toBe('saved');
    calls = 0;
    await expect(retryStorageOnce(async () => ++calls && Promise.reject(quota()))).rejects.toThrow(/quota/);
    expect(calls).toBe(2);
  });

  it('does not repeat writes that failed for other reasons', async () => {
    let calls = 0;
    await expect(retryStorageOnce(async () => ++calls && Promise.reject(new Error('invalid')))).rejects.toThrow('invalid');
    expect(calls).toBe(1);
  });
});
