import type { PersonForMatching } from '../../src/domain/match-runs';
import type { Day, MatchStaff, Scenario, TimeWindow } from '../../src/domain/matching/scenario';
import type { CarerProfile, PersonProfile } from '../../src/domain/profiles';
import { makeCarer, makeFile, makePerson, type TestFile } from './factories';

const WEEKDAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const weekly = (start: string, end: string, days: Day[] = WEEKDAYS): TimeWindow[] => days.map((day) => ({ day, start, end }));

/** Everything the office knows for matching one person: their facts, the staff, and each carer's profile and files. */
export interface TestMatching {
  person: PersonForMatching;
  personProfile: PersonProfile;
  scenario: Scenario;
  carers: CarerProfile[];
  files: TestFile[];
}

const HOME = { lat: 53.853, lon: -3.041 };
const NEARBY = { lat: 53.86, lon: -3.045 };
const FAR_AWAY = { lat: 50.43, lon: -3.68 };

type StaffSpec = Partial<MatchStaff> & Pick<MatchStaff, 'name' | 'gender' | 'qualities' | 'interests'>;

/**
 * Hilda and eight care workers: five free and able (four of them calm or gentle, one lively), and
 * three left out for plain reasons (not free in the mornings, too far away, no medication prompts).
 */
const STAFF: StaffSpec[] = [
  { name: 'Sam', gender: 'man', qualities: ['calm', 'patient', 'great listener'], interests: ['old movies', 'Cary Grant'] },
  { name: 'Bethan', gender: 'woman', qualities: ['gentle', 'calm', 'kind'], interests: ['Aled Jones', 'old movies'] },
  { name: 'Grace', gender: 'woman', qualities: ['gentle', 'kind', 'calm'], interests: ['Vera Lynn', 'knitting'] },
  { name: 'Tom', gender: 'man', qualities: ['patient', 'organised', 'calm'], interests: ['football'] },
  { name: 'Megan', gender: 'woman', qualities: ['lively', 'fun', 'chatty'], interests: ['dancing'] },
  { name: 'Dan', gender: 'man', qualities: ['patient', 'kind'], interests: ['cooking'], availability: weekly('13:00', '18:00') },
  { name: 'Aisha', gender: 'woman', qualities: ['organised', 'patient'], interests: ['crafts'], location: FAR_AWAY },
  { name: 'Kwame', gender: 'man', qualities: ['chatty', 'great listener'], interests: ['jazz'], skills: ['personal care'] },
];

export async function makeMatching(): Promise<TestMatching> {
  const personProfile = makePerson({
    getsOnWith: ['calm', 'gentle', 'patient', 'great listener'],
    doesNotGetOnWith: ['loud', 'lively'],
    interests: ['old movies', 'Cary Grant', 'Vera Lynn', 'Aled Jones'],
  });
  const files: TestFile[] = [];
  const carers: CarerProfile[] = [];
  const staff: MatchStaff[] = [];
  for (const spec of STAFF) {
    const photo = await makeFile(`photo of ${spec.name}`, 'image/png');
    const film = await makeFile(`film of ${spec.name} `.repeat(20), 'video/mp4');
    files.push(photo, film);
    const carer = makeCarer({
      firstName: spec.name,
      qualities: spec.qualities,
      interests: spec.interests,
      photo: photo.file.sha256,
      film: film.file.sha256,
    });
    carers.push(carer);
    staff.push({
      id: carer.id,
      availability: weekly('07:00', '12:00'),
      location: NEARBY,
      travelKm: 10,
      drives: true,
      skills: ['medication prompt', 'personal care'],
      languages: ['English'],
      ...spec,
    });
  }
  const scenario: Scenario = {
    person: {
      id: personProfile.id,
      name: personProfile.firstName,
      visits: weekly('08:00', '08:45'),
      location: HOME,
      wants: personProfile.getsOnWith,
      avoids: personProfile.doesNotGetOnWith,
      interests: personProfile.interests,
      needsSkills: ['medication prompt'],
      languages: ['English'],
      personalCareBy: null,
    },
    staff,
  };
  const person = { id: personProfile.id, firstName: personProfile.firstName, age: personProfile.age, place: 'Hilda’s home, Bispham' };
  return { person, personProfile, scenario, carers, files };
}

