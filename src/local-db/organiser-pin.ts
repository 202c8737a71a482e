import type { HearthDatabase } from './database';

/** 4 to 6 digits: short enough to type at a kitchen table, and the tablet is with the organiser. */
export const PIN_PATTERN = /^\d{4,6}$/;
const PIN_ITERATIONS = 100_000;
const SALT_BYTES = 16;

export type PinCheck = 'right' | 'wrong' | 'not-set';

export class InvalidPinError extends Error {
  constructor() {
    super('The PIN must be 4 to 6 digits.');
  }
}

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string): Uint8Array<ArrayBuffer> => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

async function hashPin(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return toHex(new Uint8Array(bits));
}

/** Compares every character, so the time taken does not hint at how much of a guess was right. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export async function hasOrganiserPin(db: HearthDatabase): Promise<boolean> {
  return (await db.organiserPin.get('organiser')) !== undefined;
}

/** Keeps only a PBKDF2-SHA256 hash of the PIN with a random salt. `randomBytes` is injected for tests. */
export async function setOrganiserPin(
  db: HearthDatabase,
  pin: string,
  now: Date,
  randomBytes: (count: number) => Uint8Array,
): Promise<void> {
  if (!PIN_PATTERN.test(pin)) throw new InvalidPinError();
  const salt = Uint8Array.from(randomBytes(SALT_BYTES));
  const hashHex = await hashPin(pin, salt, PIN_ITERATIONS);
  await db.organiserPin.put({ key: 'organiser', saltHex: toHex(salt), hashHex, iterations: PIN_ITERATIONS, setAt: now.toISOString() });
}

export async function checkOrganiserPin(db: HearthDatabase, pin: string): Promise<PinCheck> {
  const stored = await db.organiserPin.get('organiser');
  if (!stored) return 'not-set';
  if (!PIN_PATTERN.test(pin)) return 'wrong';
  const hashHex = await hashPin(pin, fromHex(stored.saltHex), stored.iterations);
  return sameText(hashHex, stored.hashHex) ? 'right' : 'wrong';
}
