/**
 * The tablet's data key (DEK): a random AES-GCM 256 key that encrypts every personal record in
 * IndexedDB. It is held only in memory (non-extractable); what is stored is the key WRAPPED twice:
 *  - by a key derived from the organiser's Hearth password (PBKDF2-SHA256, PASSPHRASE_ITERATIONS),
 *    so the tablet opens offline after a reload;
 *  - by a secret the office keeps for this tablet (GET it after an online login), so a password
 *    changed at the office, or another organiser of the organisation, still opens what waits to be sent.
 * A short PIN never unwraps anything: it only re-unlocks the screen while the key is still in memory.
 *
 * A care worker's or manager's browser is not enrolled and the office keeps no secret for it: its data key
 * (a PersonalKeyRecord) is wrapped by that account's password only, and names the account it belongs to.
 */

/** OWASP's 2023 floor for PBKDF2-SHA256: an offline guess of a typical password costs years, not minutes. */
export const PASSPHRASE_ITERATIONS = 600_000;
/** Wrong PINs in a row after which the key leaves memory and the full password is needed. */
export const WRONG_PINS_BEFORE_DROP = 5;
const SALT_BYTES = 16;
const IV_BYTES = 12;

export type KeyState = 'no-key' | 'locked' | 'unlocked';

export class DataLockedError extends Error {
  constructor() {
    super('Hearth is locked on this tablet. Enter your password to open it.');
    this.name = 'DataLockedError';
  }
}

/**
 * The data key while the app runs, and whether the screen is locked. One per open database; a reload
 * starts with none. Locking keeps the key (sync goes on, the PIN opens again); dropping forgets it.
 */
export class DataKeyring {
  private key: CryptoKey | null = null;
  private screenLocked = false;
  private wrongPins = 0;
  private readonly listeners = new Set<() => void>();

  state(): KeyState {
    if (!this.key) return 'no-key';
    return this.screenLocked ? 'locked' : 'unlocked';
  }

  /** For useSyncExternalStore: told on every change of state. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The key for sealing and opening records; throws while there is none. */
  require(): CryptoKey {
    if (!this.key) throw new DataLockedError();
    return this.key;
  }

  hold(key: CryptoKey): void {
    this.key = key;
    this.screenLocked = false;
    this.wrongPins = 0;
    this.changed();
  }

  /** Hides everything behind the PIN; the key stays, so a right PIN opens again. */
  lock(): void {
    if (!this.key || this.screenLocked) return;
    this.screenLocked = true;
    this.changed();
  }

  /** After a right PIN. Does nothing without a key: a PIN alone cannot bring it back. */
  unlockWithRightPin(): void {
    this.wrongPins = 0;
    if (!this.key || !this.screenLocked) return;
    this.screenLocked = false;
    this.changed();
  }

  /** Counts a wrong PIN; the WRONG_PINS_BEFORE_DROP-th drops the key. Returns true when it was dropped. */
  noteWrongPin(): boolean {
    this.wrongPins += 1;
    if (this.wrongPins < WRONG_PINS_BEFORE_DROP) return false;
    this.drop();
    return true;
  }

  wrongPinCount(): number {
    return this.wrongPins;
  }

  /** Forgets the key (too many wrong PINs, sign-out): only the password or an online login brings it back. */
  drop(): void {
    this.key = null;
    this.screenLocked = false;
    this.wrongPins = 0;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The data key wrapped by a password-derived key. */
export interface PassphraseWrap {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** base64, as are the IVs and wrapped keys below. */
  salt: string;
  iv: string;
  wrapped: string;
}

/** The data key wrapped by the secret the office keeps for this tablet (the secret itself is never stored here). */
export interface OfficeWrap {
  iv: string;
  wrapped: string;
}

/** An organiser's tablet's data key as stored (Dexie table `keyring`, row 'data'): wrapped by the password and by the office. */
export interface TabletKeyRecord {
  key: 'data';
  /** Absent on records stored before personal keys existed: those are all tablet keys. */
  kind?: 'tablet';
  passphrase: PassphraseWrap;
  office: OfficeWrap;
  createdAt: string;
  /** When the password wrap was last made again (the organiser's password changed, or another organiser signed in). */
  rewrappedAt?: string;
}

/**
 * A care worker's or manager's data key as stored (same row 'data': a browser holds one data key): wrapped
 * by their password only, with no office wrap. `accountId` is the account's random id (no name, no email),
 * so that another account signing in here never tries to open it (personal-key.ts clears it instead).
 */
export interface PersonalKeyRecord {
  key: 'data';
  kind: 'personal';
  accountId: string;
  passphrase: PassphraseWrap;
  createdAt: string;
  /** When the password wrap was last made again (the account's password was changed here). */
  rewrappedAt?: string;
}

/** What is stored of the data key (Dexie table `keyring`, row 'data'). */
export type WrappedKeyRecord = TabletKeyRecord | PersonalKeyRecord;

export const isPersonalKey = (record: WrappedKeyRecord): record is PersonalKeyRecord => record.kind === 'personal';

const random = (count: number): Uint8Array<ArrayBuffer> => crypto.getRandomValues(new Uint8Array(count));

/** Bytes are stored as base64 text: every IndexedDB (and fake-indexeddb under jsdom) gives text back as it was. */
function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

const AAD = new TextEncoder().encode('hearth data key v1');

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'wrapKey',
    'unwrapKey',
  ]);
}

/** The office's 32-byte secret for this tablet, as a wrapping key. */
export function importOfficeKey(secret: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  if (secret.length !== 32) throw new Error('The office key must be 32 bytes.');
  return crypto.subtle.importKey('raw', secret, 'AES-GCM', false, ['wrapKey', 'unwrapKey']);
}

async function wrapWith(dataKey: CryptoKey, wrappingKey: CryptoKey): Promise<OfficeWrap> {
  const iv = random(IV_BYTES);
  const wrapped = await crypto.subtle.wrapKey('raw', dataKey, wrappingKey, { name: 'AES-GCM', iv, additionalData: AAD });
  return { iv: toBase64(iv), wrapped: toBase64(new Uint8Array(wrapped)) };
}

/** The wrap, and the password-derived key that made it (to open a copy again without a second PBKDF2). */
async function wrapWithPassphraseKeeping(dataKey: CryptoKey, passphrase: string): Promise<{ wrap: PassphraseWrap; wrappingKey: CryptoKey }> {
  const salt = random(SALT_BYTES);
  const wrappingKey = await passphraseKey(passphrase, salt, PASSPHRASE_ITERATIONS);
  const wrap = await wrapWith(dataKey, wrappingKey);
  return { wrap: { kdf: 'PBKDF2-SHA256', iterations: PASSPHRASE_ITERATIONS, salt: toBase64(salt), ...wrap }, wrappingKey };
}

async function wrapWithPassphrase(dataKey: CryptoKey, passphrase: string): Promise<PassphraseWrap> {
  return (await wrapWithPassphraseKeeping(dataKey, passphrase)).wrap;
}

/** Null when the wrapping key is not the one it was wrapped with (AES-GCM refuses to open it). */
async function unwrapWith(wrap: OfficeWrap, wrappingKey: CryptoKey, extractable: boolean): Promise<CryptoKey | null> {
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      fromBase64(wrap.wrapped),
      wrappingKey,
      { name: 'AES-GCM', iv: fromBase64(wrap.iv), additionalData: AAD },
      { name: 'AES-GCM', length: 256 },
      extractable,
      ['encrypt', 'decrypt'],
    );
  } catch {
    return null;
  }
}

/**
 * A new data key, wrapped by the password and by the office's key. Returns the record to store and the
 * key to hold: a non-extractable copy, so script on the page can use it but never read it out.
 */
export async function createDataKey(passphrase: string, officeKey: CryptoKey, now: Date): Promise<{ record: TabletKeyRecord; key: CryptoKey }> {
  const extractable = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const office = await wrapWith(extractable, officeKey);
  const passphraseWrap = await wrapWithPassphrase(extractable, passphrase);
  const key = await unwrapWith(office, officeKey, false);
  if (!key) throw new Error('The new data key could not be opened again.');
  return { record: { key: 'data', passphrase: passphraseWrap, office, createdAt: now.toISOString() }, key };
}

/**
 * A new data key for a care worker's or manager's browser, wrapped by their password only (same PBKDF2
 * rounds as a tablet's). Returns the record to store and a non-extractable copy to hold.
 */
export async function createPersonalDataKey(passphrase: string, accountId: string, now: Date): Promise<{ record: PersonalKeyRecord; key: CryptoKey }> {
  const extractable = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const { wrap, wrappingKey } = await wrapWithPassphraseKeeping(extractable, passphrase);
  const key = await unwrapWith(wrap, wrappingKey, false);
  if (!key) throw new Error('The new data key could not be opened again.');
  return { record: { key: 'data', kind: 'personal', accountId, passphrase: wrap, createdAt: now.toISOString() }, key };
}

/** The data key from the password it is wrapped by (an organiser's, or a care worker's), offline; null for a wrong password. */
export async function unwrapWithPassphrase(record: WrappedKeyRecord, passphrase: string, extractable = false): Promise<CryptoKey | null> {
  const { salt, iterations } = record.passphrase;
  return unwrapWith(record.passphrase, await passphraseKey(passphrase, fromBase64(salt), iterations), extractable);
}

/**
 * The same record with its password wrap made again for `next`, when `current` opens it AND what it opens
 * is the key in memory (`inMemory`, checked by sealing a probe with one and opening it with the other).
 * Null otherwise: the record is then not this person's (or not this session's), and is left as it is.
 */
export async function rewrapPassphrase<R extends WrappedKeyRecord>(record: R, current: string, next: string, inMemory: CryptoKey, now: Date): Promise<R | null> {
  const extractable = await unwrapWithPassphrase(record, current, true);
  if (!extractable || !(await sameKey(inMemory, extractable))) return null;
  return { ...record, passphrase: await wrapWithPassphrase(extractable, next), rewrappedAt: now.toISOString() };
}

async function sameKey(a: CryptoKey, b: CryptoKey): Promise<boolean> {
  const probe = await sealJson(a, 'key probe', 'probe');
  return openJson(b, 'key probe', probe).then(
    (value) => value === 'probe',
    () => false,
  );
}

/**
 * The data key from the office's key (after an online login), and the record re-wrapped for `passphrase`
 * so that the password typed now opens the tablet offline next time. Null when the office key is not
 * this record's (another organisation's tablet, or a key the office no longer has).
 */
export async function unwrapWithOfficeKey(
  record: TabletKeyRecord,
  officeKey: CryptoKey,
  passphrase: string,
  now: Date,
): Promise<{ record: TabletKeyRecord; key: CryptoKey } | null> {
  const extractable = await unwrapWith(record.office, officeKey, true);
  if (!extractable) return null;
  const passphraseWrap = await wrapWithPassphrase(extractable, passphrase);
  const key = await unwrapWith(record.office, officeKey, false);
  if (!key) return null;
  return { record: { ...record, passphrase: passphraseWrap, rewrappedAt: now.toISOString() }, key };
}

/**
 * An AES-GCM box: a fresh 96-bit IV per record, the record's name bound in as additional data. Base64:
 * the records sealed this way are small (films and photos are sealed as Blobs, below).
 */
export interface SealedBox {
  iv: string;
  data: string;
}

const aadOf = (name: string) => new TextEncoder().encode(name);

/**
 * Wrapped in Promise.resolve: inside a live query Dexie then keeps watching the reads that follow a
 * decryption (dexie.org, useLiveQuery: "calling other async APIs such as webCrypto").
 */
const decrypt = (key: CryptoKey, iv: Uint8Array<ArrayBuffer>, name: string, data: BufferSource): Promise<ArrayBuffer> =>
  Promise.resolve(crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aadOf(name) }, key, data));

export async function sealJson(key: CryptoKey, name: string, value: unknown): Promise<SealedBox> {
  const iv = random(IV_BYTES);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aadOf(name) }, key, new TextEncoder().encode(JSON.stringify(value)));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

export async function openJson<T>(key: CryptoKey, name: string, box: SealedBox): Promise<T> {
  const plain = await decrypt(key, fromBase64(box.iv), name, fromBase64(box.data));
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

/** Bytes sealed as one Blob: the IV, then the ciphertext with its 16-byte tag. */
export const SEALED_BYTES_OVERHEAD = IV_BYTES + 16;

export async function sealBytes(key: CryptoKey, name: string, bytes: BufferSource): Promise<Blob> {
  const iv = random(IV_BYTES);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aadOf(name) }, key, bytes);
  return new Blob([iv, data], { type: 'application/octet-stream' });
}

export async function openBytes(key: CryptoKey, name: string, sealed: Blob): Promise<ArrayBuffer> {
  const all = new Uint8Array(await Promise.resolve(sealed.arrayBuffer()));
  return decrypt(key, all.slice(0, IV_BYTES), name, all.slice(IV_BYTES));
}
