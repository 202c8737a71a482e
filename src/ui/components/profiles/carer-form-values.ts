import {
  CARER_MATTERS_COUNT,
  CarerProfileFormSchema,
  type CarerProfileDraft,
  type CarerProfileForm,
} from '../../../domain/carer-profile-form';
import type { Day } from '../../../domain/matching/scenario';
import { lines, numberOf, plainIssue, weekOf, windowProblem, windowsOf, type WindowValues } from './form-text';


/**
 * The carer profile form exactly as typed: strings, so nothing is lost or reformatted while someone is
 * writing (a half-typed number, an empty line). Turned into a CarerProfileForm only when saving.
 */
export interface CarerFormValues {
  firstName: string;
  /** One thing per line. */
  appreciated: string;
  mattersToMe: string[];
  interests: string;
  qualities: string;
  languages: string;
  skills: string;
  gender: '' | CarerProfileForm['gender'];
  drives: '' | 'yes' | 'no';
  baseArea: string;
  lat: string;
  lon: string;
  travelKm: string;
  availability: Record<Day, WindowValues[]>;
}

/** The fields of the form, in page order: error messages and their links follow it. */
export const CARER_FIELDS = [
  'firstName',
  'appreciated',
  'mattersToMe.0',
  'mattersToMe.1',
  'mattersToMe.2',
  'interests',
  'qualities',
  'languages',
  'skills',
  'gender',
  'drives',
  'baseArea',
  'lat',
  'lon',
  'travelKm',
  'availability',
] as const;
export type CarerField = (typeof CARER_FIELDS)[number];
export type CarerFormErrors = Partial<Record<CarerField, string>>;

export const CARER_FIELD_LABELS: Record<CarerField, string> = {
  firstName: 'First name',
  appreciated: 'What people appreciate about me',
  'mattersToMe.0': 'What matters to me: first thing',
  'mattersToMe.1': 'What matters to me: second thing',
  'mattersToMe.2': 'What matters to me: third thing',
  interests: 'Interests',
  qualities: 'Qualities',
  languages: 'Languages',
  skills: 'Skills',
  gender: 'Gender',
  drives: 'Do you drive?',
  baseArea: 'Where you start from',
  lat: 'Latitude',
  lon: 'Longitude',
  travelKm: 'How far you travel, in km',
  availability: 'When you can work',
};


/** The form filled in from what the office has recorded so far. */
export function valuesFromDraft(draft: CarerProfileDraft): CarerFormValues {
  const availability = weekOf(draft.availability);
  const matters = draft.mattersToMe ?? [];
  return {
    firstName: draft.firstName ?? '',
    appreciated: (draft.appreciated ?? []).join('\n'),
    mattersToMe: Array.from({ length: CARER_MATTERS_COUNT }, (_, i) => matters[i] ?? ''),
    interests: (draft.interests ?? []).join('\n'),
    qualities: (draft.qualities ?? []).join('\n'),
    languages: (draft.languages ?? []).join('\n'),
    skills: (draft.skills ?? []).join('\n'),
    gender: draft.gender ?? '',
    drives: draft.drives === undefined ? '' : draft.drives ? 'yes' : 'no',
    baseArea: draft.baseArea ?? '',
    lat: draft.base ? String(draft.base.lat) : '',
    lon: draft.base ? String(draft.base.lon) : '',
    travelKm: draft.travelKm === null || draft.travelKm === undefined ? '' : String(draft.travelKm),
    availability,
  };
}



/**
 * Checks the form with the same schema the office uses. Either the profile to send, or a message per
 * field in plain words (the first problem of each field is enough to act on).
 */
export function profileFromValues(values: CarerFormValues): { profile: CarerProfileForm } | { errors: CarerFormErrors } {
  const windows = windowsOf(values.availability);
  const lat = numberOf(values.lat);
  const lon = numberOf(values.lon);
  const candidate = {
    firstName: values.firstName,
    appreciated: lines(values.appreciated),
    mattersToMe: values.mattersToMe.map((thing) => thing.trim()),
    interests: lines(values.interests),
    qualities: lines(values.qualities),
    languages: lines(values.languages),
    skills: lines(values.skills),
    gender: values.gender === '' ? undefined : values.gender,
    drives: values.drives === '' ? undefined : values.drives === 'yes',
    baseArea: values.baseArea,
    base: { lat, lon },
    travelKm: values.travelKm.trim() === '' ? null : numberOf(values.travelKm),
    availability: windows,
  };
  const parsed = CarerProfileFormSchema.safeParse(candidate);
  if (parsed.success) return { profile: parsed.data };
  const errors: CarerFormErrors = {};
  for (const issue of parsed.error.issues) {
    const [top, index, part] = issue.path;
    let field: CarerField;
    let message = plainIssue(issue.message, issue.code);
    if (top === 'mattersToMe' && typeof index === 'number') field = `mattersToMe.${index}` as CarerField;
    else if (top === 'mattersToMe') field = 'mattersToMe.0';
    else if (top === 'base') field = index === 'lon' ? 'lon' : 'lat';
    else if (top === 'availability' && typeof index === 'number') {
      field = 'availability';
      message = windowProblem(windows[index]!, part, issue.code, message);
    } else field = top as CarerField;
    if (typeof index === 'number' && ['appreciated', 'interests', 'qualities', 'languages', 'skills'].includes(String(top))) {
      message = `line ${index + 1} ${message}`;
    }
    errors[field] ??= message;
  }
  return { errors };
}
