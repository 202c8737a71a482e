import type { Day } from '../../../domain/matching/scenario';
import { PersonProfileFormSchema, type PersonProfileDraft, type PersonProfileForm } from '../../../domain/person-profile-form';
import { lines, numberOf, plainIssue, weekOf, windowProblem, windowsOf, type WindowValues } from './form-text';

/** The person's one-page profile form exactly as typed (strings, one thing per line in the list boxes). */
export interface PersonFormValues {
  firstName: string;
  age: string;
  livesAt: string;
  appreciated: string;
  importantToMe: string;
  howToSupportMe: string;
  interests: string;
  getsOnWith: string;
  doesNotGetOnWith: string;
  visitTimes: Record<Day, WindowValues[]>;
  homePlace: string;
  lat: string;
  lon: string;
  needsSkills: string;
  personalCareBy: '' | 'woman' | 'man' | 'either';
  speech: '' | PersonProfileForm['speech'];
  usesPictures: '' | 'yes' | 'no';
  languages: string;
  communication: string;
  referredOn: string;
}

export const PERSON_FIELDS = [
  'firstName',
  'age',
  'livesAt',
  'appreciated',
  'importantToMe',
  'howToSupportMe',
  'interests',
  'getsOnWith',
  'doesNotGetOnWith',
  'communication',
  'speech',
  'usesPictures',
  'languages',
  'visitTimes',
  'homePlace',
  'lat',
  'lon',
  'needsSkills',
  'personalCareBy',
  'referredOn',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export type PersonFormErrors = Partial<Record<PersonField, string>>;

export const PERSON_FIELD_LABELS: Record<PersonField, string> = {
  firstName: 'First name',
  age: 'Age',
  livesAt: 'Where and how they live',
  appreciated: 'What people appreciate about me',
  importantToMe: 'What is important to me',
  howToSupportMe: 'How best to support me',
  interests: 'Interests',
  getsOnWith: 'The kind of person I get on with',
  doesNotGetOnWith: 'The kind of person I do not get on with',
  communication: 'How best to talk with me and help me choose',
  speech: 'Speech',
  usesPictures: 'Pictures',
  languages: 'Languages',
  visitTimes: 'When support is needed',
  homePlace: 'Where support happens',
  lat: 'Latitude',
  lon: 'Longitude',
  needsSkills: 'Care needs: skills a carer must have',
  personalCareBy: 'Personal care from',
  referredOn: 'Referred on',
};

const LIST_FIELDS = new Set(['appreciated', 'importantToMe', 'howToSupportMe', 'interests', 'getsOnWith', 'doesNotGetOnWith', 'needsSkills', 'languages']);

export function personValuesFromDraft(draft: PersonProfileDraft): PersonFormValues {
  const text = (items: string[] | undefined) => (items ?? []).join('\n');
  return {
    firstName: draft.firstName ?? '',
    age: draft.age === undefined ? '' : String(draft.age),
    livesAt: draft.livesAt ?? '',
    appreciated: text(draft.appreciated),
    importantToMe: text(draft.importantToMe),
    howToSupportMe: text(draft.howToSupportMe),
    interests: text(draft.interests),
    getsOnWith: text(draft.getsOnWith),
    doesNotGetOnWith: text(draft.doesNotGetOnWith),
    visitTimes: weekOf(draft.visitTimes),
    homePlace: draft.homePlace ?? '',
    lat: draft.home ? String(draft.home.lat) : '',
    lon: draft.home ? String(draft.home.lon) : '',
    needsSkills: text(draft.needsSkills),
    // A profile saved at least once says "no preference" as null; a new one has not been asked yet.
    personalCareBy: draft.personalCareBy === undefined ? '' : (draft.personalCareBy ?? 'either'),
    speech: draft.speech ?? '',
    usesPictures: draft.usesPictures === undefined ? '' : draft.usesPictures ? 'yes' : 'no',
    languages: text(draft.languages),
    communication: draft.communication ?? '',
    referredOn: draft.referredOn ?? '',
  };
}

/** Checks the form with the office's schema: the profile to send, or a message per field in plain words. */
export function personProfileFromValues(values: PersonFormValues): { profile: PersonProfileForm } | { errors: PersonFormErrors } {
  const windows = windowsOf(values.visitTimes);
  const candidate = {
    firstName: values.firstName,
    age: numberOf(values.age),
    livesAt: values.livesAt,
    appreciated: lines(values.appreciated),
    importantToMe: lines(values.importantToMe),
    howToSupportMe: lines(values.howToSupportMe),
    interests: lines(values.interests),
    getsOnWith: lines(values.getsOnWith),
    doesNotGetOnWith: lines(values.doesNotGetOnWith),
    visitTimes: windows,
    homePlace: values.homePlace,
    home: { lat: numberOf(values.lat), lon: numberOf(values.lon) },
    needsSkills: lines(values.needsSkills),
    personalCareBy: values.personalCareBy === '' ? undefined : values.personalCareBy === 'either' ? null : values.personalCareBy,
    speech: values.speech === '' ? undefined : values.speech,
    usesPictures: values.usesPictures === '' ? undefined : values.usesPictures === 'yes',
    languages: lines(values.languages),
    communication: values.communication,
    referredOn: values.referredOn.trim() === '' ? null : values.referredOn.trim(),
  };
  const parsed = PersonProfileFormSchema.safeParse(candidate);
  if (parsed.success) return { profile: parsed.data };
  const errors: PersonFormErrors = {};
  for (const issue of parsed.error.issues) {
    const [top, index, part] = issue.path;
    let field = top as PersonField;
    let message = plainIssue(issue.message, issue.code);
    if (top === 'home') field = index === 'lon' ? 'lon' : 'lat';
    else if (top === 'visitTimes' && typeof index === 'number') message = windowProblem(windows[index]!, part, issue.code, message);
    else if (typeof index === 'number' && LIST_FIELDS.has(String(top))) message = `line ${index + 1} ${message}`;
    errors[field] ??= message;
  }
  return { errors };
}
