import type { HearthDatabase } from './database';

/** 4 to 6 digits: short enough to type at a kitchen table, and the tablet is with the organiser. */
export const PIN_PATTERN = /^\d{4,6}$/;
const PIN_ITERATIONS = 100_000;
const SALT_BYTES = 16;

/** 'wait': too many wrong PINs in a row; none is checked until the wait is over (see pinWaitUntil). */
export type PinCheck = 'right' | 'wrong' | 'wait' | 'not-set';

/** After this many wrong PINs in a row, no PIN is checked for WAIT_AFTER_WRONG_PINS_MS. */
export const WRONG_PINS_BEFORE_WAIT = 5;
export const WAIT_AFTER_WRONG_PINS_MS = 30_000;

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

/** When the wait after too many wrong PINs ends, or null when a PIN may be tried now. */
export async function pinWaitUntil(db: HearthDatabase, now: Date): Promise<Date | null> {
  const waitUntil = (await db.organiserPin.get('organiser'))?.waitUntil;
  return waitUntil && new Date(waitUntil) > now ? new Date(waitUntil) : null;
}

/**
 * Checks a PIN against the hash. A short PIN is guessable, so wrong ones are counted on the tablet
 * (not in the screen, which a Cancel or a reload would reset): after WRONG_PINS_BEFORE_WAIT in a row
 * nothing is checked until the wait is over, and the data key leaves memory: the screens then need the
 * organiser's password (or an online sign-in), which a guess at a short PIN cannot give.
 */
export async function checkOrganiserPin(db: HearthDatabase, pin: string, now: Date): Promise<PinCheck> {
  const stored = await db.organiserPin.get('organiser');
  if (!stored) return 'not-set';
  if (await pinWaitUntil(db, now)) return 'wait';
  const right = PIN_PATTERN.test(pin) && sameText(await hashPin(pin, fromHex(stored.saltHex), stored.iterations), stored.hashHex);
  // Counted after hashing (no Dexie transaction may wait on WebCrypto), against the same PIN record.
  const check = await db.transaction('rw', db.organiserPin, async (): Promise<PinCheck | 'limit'> => {
    const current = await db.organiserPin.get('organiser');
    if (!current || current.hashHex !== stored.hashHex) return 'wrong';
    if (right) {
      await db.organiserPin.put({ ...current, wrongTries: 0, waitUntil: null });
      return 'right';
    }
    const wrongTries = (current.wrongTries ?? 0) + 1;
    if (wrongTries < WRONG_PINS_BEFORE_WAIT) {
      await db.organiserPin.put({ ...current, wrongTries });
      return 'wrong';
    }
    await db.organiserPin.put({ ...current, wrongTries: 0, waitUntil: new Date(now.getTime() + WAIT_AFTER_WRONG_PINS_MS).toISOString() });
    return 'limit';
  });
  // The data key in memory follows the PIN (data-key.ts): a right PIN opens the locked screen, and too
  // many wrong ones drop the key, so a guessed PIN after that opens nothing without the password.
  if (check === 'right') db.dataKey.unlockWithRightPin();
  if (check === 'wrong') db.dataKey.noteWrongPin();
  if (check === 'limit') {
    db.dataKey.drop();
    return 'wait';
  }
  return check;
}

export type PinChange = 'changed' | 'wrong-current' | 'wait' | 'not-set';

/** Sets `next` only when `current` is the PIN kept now; a wrong current PIN changes nothing. */
export async function changeOrganiserPin(
  db: HearthDatabase,
  current: string,
  next: string,
  now: Date,
  randomBytes: (count: number) => Uint8Array,
): Promise<PinChange> {
  if (!PIN_PATTERN.test(next)) throw new InvalidPinError();
  const check = await checkOrganiserPin(db, current, now);
  if (check === 'not-set') return 'not-set';
  if (check === 'wait') return 'wait';
  if (check === 'wrong') return 'wrong-current';
  await setOrganiserPin(db, next, now, randomBytes);
  return 'changed';
}

/** Removes the PIN, so the next hand-over asks for a new one (after the organiser proved who they are another way). */
export async function clearOrganiserPin(db: HearthDatabase): Promise<void> {
  await db.organiserPin.delete('organiser');
}
