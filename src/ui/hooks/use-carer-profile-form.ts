import { useCallback } from 'react';
import type { CarerProfileForm, CarerProfileView } from '../../domain/carer-profile-form';
import type { Transport } from '../../sync/transport';
import { profileFromValues, valuesFromDraft, type CarerFormErrors, type CarerFormValues } from '../components/profiles/carer-form-values';
import { useDraftedForm } from './use-drafted-form';

const valuesOf = (view: CarerProfileView): CarerFormValues => valuesFromDraft(view.draft);
const check = (values: CarerFormValues): { ok: CarerProfileForm } | { errors: CarerFormErrors } => {
  const checked = profileFromValues(values);
  return 'profile' in checked ? { ok: checked.profile } : checked;
};

/** A care worker's one-page profile form, drafted on the device until the office has saved it. */
export function useCarerProfileForm(carerId: string) {
  return useDraftedForm<CarerProfileView, CarerFormValues, CarerProfileForm, CarerFormErrors>({
    key: `carer:${carerId}`,
    fetch: useCallback((t: Transport) => t.fetchCarerProfile(carerId), [carerId]),
    valuesOf,
    check,
    save: useCallback((t: Transport, profile: CarerProfileForm, basedOnUpdatedAt: string) => t.saveCarerProfile(carerId, { profile, basedOnUpdatedAt }), [carerId]),
  });
}
