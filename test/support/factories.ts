import { DEFAULT_PERSON_MODE_SETTINGS } from '../../src/domain/person-mode';
import type { PersonProfileView } from '../../src/domain/person-profile-form';
import { showBlockers, type CarerProfileView } from '../../src/domain/carer-profile-form';
import type { Conflict } from '../../src/domain/conflicts';
import type { SessionInfo } from '../../src/domain/api';
import type { FollowUp } from '../../src/domain/follow-ups';
import type { CarerProfile, PersonProfile } from '../../src/domain/profiles';
import type { PackFile, Visit, VisitPack, VisitSummary } from '../../src/domain/visits';

let counter = 0;
/** Deterministic UUID-shaped ids for tests: fixed data, a fresh world per test. */
export function testId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export async function sha256HexOf(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface TestFile {
  file: PackFile;
  bytes: Uint8Array<ArrayBuffer>;
}

export async function makeFile(content: string, type: PackFile['type'] = 'video/mp4'): Promise<TestFile> {
  const bytes = new TextEncoder().encode(content);
  const sha256 = await sha256HexOf(bytes);
  return { file: { id: sha256, sha256, bytes: bytes.length, type }, bytes };
}

export function makeCarer(overrides: Partial<CarerProfile> & Pick<CarerProfile, 'photo' | 'film'>): CarerProfile {
  return {
    id: testId(),
    firstName: 'Sam',
    appreciated: ['Calm and unhurried in the mornings', 'A great listener'],
    mattersToMe: ['My family', 'Old films on a Sunday', 'Doing things properly'],
    interests: ['films'],
    qualities: ['calm', 'great listener'],
    ...overrides,
  };
}

export function makePerson(overrides: Partial<PersonProfile> = {}): PersonProfile {
  return {
    id: testId(),
    firstName: 'Hilda',
    age: 94,
    livesAt: 'Her own bungalow near Blackpool',
    appreciated: ['Her sharp wit'],
    importantToMe: ['A calm start to the morning'],
    howToSupportMe: ['Give me time in the mornings'],
    interests: ['old movies', 'Vera Lynn'],
    getsOnWith: ['calm'],
    doesNotGetOnWith: ['loud'],
    communication: 'Speaks clearly; hears better on her left side',
    ...overrides,
  };
}

export function makeVisit(person: PersonProfile, overrides: Partial<Visit> = {}): Visit {
  return {
    id: testId(),
    personId: person.id,
    personFirstName: person.firstName,
    plannedAt: '2026-11-25T10:00:00.000Z',
    place: person.livesAt,
    ...overrides,
  };
}

export interface PackOptions {
  /** Give each carer WebVTT captions for their film. */
  captions?: boolean;
  /** Give each carer a recording of each section of their card in their own voice (audio/mp4). */
  voice?: boolean;
  personMode?: VisitPack['personMode'];
}

/** A whole pack: a person, `names.length` carers, and a photo and a film for each, with real bytes. */
export async function makePack(names: string[] = ['Sam', 'Grace', 'Tom'], options: PackOptions = {}): Promise<{ pack: VisitPack; files: TestFile[] }> {
  const person = makePerson();
  const files: TestFile[] = [];
  const candidates: CarerProfile[] = [];
  for (const firstName of names) {
    const photo = await makeFile(`photo of ${firstName}`, 'image/png');
    const film = await makeFile(`film of ${firstName} `.repeat(50), 'video/mp4');
    files.push(photo, film);
    const carer = makeCarer({ firstName, photo: photo.file.sha256, film: film.file.sha256 });
    if (options.captions) {
      const captions = await makeFile(`WEBVTT\n\n00:00.000 --> 00:02.000\nHello, I'm ${firstName}.\n`, 'text/vtt');
      files.push(captions);
      carer.captions = captions.file.sha256;
    }
    if (options.voice) {
      const appreciated = await makeFile(`${firstName} reads what people appreciate `.repeat(20), 'audio/mp4');
      const mattersToMe = await makeFile(`${firstName} reads what matters to them `.repeat(20), 'audio/mp4');
      files.push(appreciated, mattersToMe);
      carer.voices = { appreciated: appreciated.file.sha256, mattersToMe: mattersToMe.file.sha256 };
    }
    candidates.push(carer);
  }
  const pack: VisitPack = { visit: makeVisit(person), person, candidates, files: files.map((f) => f.file) };
  if (options.personMode) pack.personMode = options.personMode;
  return { pack, files };
}

export function summaryOf(pack: VisitPack, overrides: Partial<VisitSummary> = {}): VisitSummary {
  return { ...pack.visit, candidateCount: pack.candidates.length, decision: null, openConflicts: 0, ...overrides };
}

export function makeSession(): SessionInfo {
  return {
    user: { id: testId(), name: 'Jo Baker', email: 'organiser@demo.hearth.test', role: 'organiser' },
    organisation: { id: testId(), name: 'Hearth Demo Home Care', packRetentionHours: 24 },
  };
}

/** An open follow-up: Hilda was not sure yet, decided at 10:31 on the day of the UI tests, received at 10:40. */
export function makeFollowUp(overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    id: testId(),
    visitId: testId(),
    eventId: testId(),
    personFirstName: 'Hilda',
    kind: 'not-sure-yet',
    summary: 'Not sure yet',
    meetFirstCarerIds: [],
    decidedAt: '2026-11-25T10:31:00.000Z',
    createdAt: '2026-11-25T10:40:00.000Z',
    resolvedAt: null,
    resolvedByName: null,
    note: null,
    ...overrides,
  };
}

/** Two tablets' different answers for Hilda's visit, as the office would list them. */
export function makeConflict(overrides: Partial<Conflict> = {}): Conflict {
  const shown = ['Sam', 'Grace', 'Tom'];
  return {
    id: testId(),
    visitId: testId(),
    personFirstName: 'Hilda',
    kind: 'different-outcomes',
    summary: 'Two tablets sent different answers for this visit',
    answers: [
      { eventId: testId(), outcome: 'chosen', chosenCarerFirstName: 'Grace', decidedAt: '2026-11-25T10:35:00.000Z', deviceLabel: 'Tablet B', shownFirstNames: shown },
      { eventId: testId(), outcome: 'chosen', chosenCarerFirstName: 'Sam', decidedAt: '2026-11-25T10:31:00.000Z', deviceLabel: 'Tablet A', shownFirstNames: shown },
    ],
    shortlistFirstNames: shown,
    createdAt: '2026-11-25T10:40:00.000Z',
    resolvedAt: null,
    resolvedByName: null,
    keptEventId: null,
    note: null,
    ...overrides,
  };
}

/** Sam's complete profile as the office holds it, ready to be shown unless overridden. */
export function makeCarerProfileView(overrides: Partial<CarerProfileView> = {}): CarerProfileView {
  const view: CarerProfileView = {
    id: testId(),
    draft: {
      firstName: 'Sam',
      appreciated: ['Calm and patient', 'A great listener'],
      mattersToMe: ['My family', 'Walking my dog on the beach', 'Doing things properly'],
      interests: ['old films', 'fishing'],
      qualities: ['calm', 'patient'],
      languages: ['English'],
      skills: ['medication prompt'],
      gender: 'man',
      drives: true,
      baseArea: 'Cleveleys',
      base: { lat: 53.876, lon: -3.043 },
      travelKm: 10,
      availability: [{ day: 'mon', start: '07:00', end: '12:00' }],
    },
    profileComplete: true,
    photo: 'a'.repeat(64),
    film: 'b'.repeat(64),
    poster: null,
    captions: null,
    consentGivenAt: '2026-11-20T09:00:00.000Z',
    blockers: [],
    hasAccount: false,
    updatedAt: '2026-11-24T16:00:00.000Z',
    ...overrides,
  };
  return { ...view, blockers: overrides.blockers ?? showBlockers(view) };
}

/** A care worker signed in to keep their own profile. */
export function makeCareWorkerSession(carerId: string): SessionInfo {
  return {
    user: { id: testId(), name: 'Sam Patel', email: 'sam@demo.hearth.test', role: 'care-worker', carerId },
    organisation: { id: testId(), name: 'Hearth Demo Home Care', packRetentionHours: 24 },
  };
}

/** Hilda's one-page profile as the office holds it: complete unless overridden. */
export function makePersonProfileView(overrides: Partial<PersonProfileView> = {}): PersonProfileView {
  return {
    id: testId(),
    draft: {
      firstName: 'Hilda',
      age: 94,
      livesAt: 'On her own in a bungalow in Bispham',
      appreciated: ['Her sharp sense of humour'],
      importantToMe: ['Staying in my own home', 'My old movies'],
      howToSupportMe: ['Talk to me calmly and do not rush me'],
      interests: ['old movies', 'Cary Grant'],
      getsOnWith: ['calm', 'patient'],
      doesNotGetOnWith: ['loud'],
      visitTimes: [{ day: 'mon', start: '08:00', end: '08:45' }],
      homePlace: 'Hilda’s home, Bispham, Blackpool',
      home: { lat: 53.853, lon: -3.041 },
      needsSkills: ['medication prompt'],
      personalCareBy: null,
      speech: 'speaks',
      usesPictures: false,
      languages: ['English'],
      communication: 'Speak clearly and face me.',
      referredOn: '2026-10-19',
    },
    profileComplete: true,
    personMode: { ...DEFAULT_PERSON_MODE_SETTINGS, descriptionFirst: true },
    updatedAt: '2026-11-24T16:00:00.000Z',
    ...overrides,
  };
}
