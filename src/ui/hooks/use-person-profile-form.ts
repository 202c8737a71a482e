import { useCallback } from 'react';
import type { PersonProfileForm, PersonProfileView } from '../../domain/person-profile-form';
import type { Transport } from '../../sync/transport';
import { personProfileFromValues, personValuesFromDraft, type PersonFormErrors, type PersonFormValues } from '../components/profiles/person-form-values';
import { useDraftedForm } from './use-drafted-form';

const valuesOf = (view: PersonProfileView): PersonFormValues => personValuesFromDraft(view.draft);
const check = (values: PersonFormValues): { ok: PersonProfileForm } | { errors: PersonFormErrors } => {
  const checked = personProfileFromValues(values);
  return 'profile' in checked ? { ok: checked.profile } : checked;
};

/** A person's one-page profile form, drafted on the device until the office has saved it. */
export function usePersonProfileForm(personId: string) {
  return useDraftedForm<PersonProfileView, PersonFormValues, PersonProfileForm, PersonFormErrors>({
    key: `person:${personId}`,
    fetch: useCallback((t: Transport) => t.fetchPersonProfile(personId), [personId]),
    valuesOf,
    check,
    save: useCallback((t: Transport, profile: PersonProfileForm, basedOnUpdatedAt: string) => t.savePersonProfile(personId, { profile, basedOnUpdatedAt }), [personId]),
  });
}
