import { CARER_APPRECIATED_MAX } from '../../../domain/carer-profile-form';
import { TextAreaField } from '../text-area-field';
import { ChoiceField as Choice, YES_NO } from '../choice-field';
import { TextField } from '../text-field';
import { AvailabilityFields } from './availability-fields';
import { MapPointFields } from './map-point-fields';
import { fieldSetter, ProfileForm, type ProfileEditorProps } from './profile-form';
import { CARER_FIELD_LABELS, CARER_FIELDS, type CarerFormErrors, type CarerFormValues } from './carer-form-values';

/** The element id of each field, for the error summary's links and for focus. */
const fieldId = (field: string): string => (field === 'availability' ? 'carer-availability' : `carer-${field.replace('.', '-')}`);

/**
 * A care worker's one-page profile as a form: every field labelled, a hint where it helps, its error
 * next to it (the summary and the save button are ProfileForm's).
 */
export function CarerProfileEditor({
  values,
  onChange,
  errors,
  onSave,
  busy,
  summaryRef,
  ownProfile,
}: ProfileEditorProps<CarerFormValues, CarerFormErrors> & {
  /** Worded to the care worker ("you") or to an organiser editing it for them. */
  ownProfile: boolean;
}) {
  const set = fieldSetter(values, onChange);
  const you = ownProfile ? 'you' : 'they';

  return (
    <ProfileForm fields={CARER_FIELDS} errors={errors} labels={CARER_FIELD_LABELS} fieldId={fieldId} summaryRef={summaryRef} busy={busy} onSave={onSave}>

      <TextField id="carer-firstName" label="First name" autoComplete="given-name" value={values.firstName} error={errors.firstName} onChange={(e) => set('firstName', e.target.value)} />

      <TextAreaField
        id="carer-appreciated"
        label="What people appreciate about me"
        hint={`One thing on each line, up to ${CARER_APPRECIATED_MAX}. For example: “Calm and unhurried”.`}
        rows={4}
        value={values.appreciated}
        error={errors.appreciated}
        onChange={(e) => set('appreciated', e.target.value)}
      />

      <fieldset>
        <legend>What matters to me: three things</legend>
        {values.mattersToMe.map((thing, i) => (
          <TextField
            key={i}
            id={`carer-mattersToMe-${i}`}
            label={['First thing', 'Second thing', 'Third thing'][i]!}
            value={thing}
            error={errors[`mattersToMe.${i}` as 'mattersToMe.0']}
            onChange={(e) => set('mattersToMe', values.mattersToMe.map((t, j) => (j === i ? e.target.value : t)))}
          />
        ))}
      </fieldset>

      <TextAreaField
        id="carer-interests"
        label="Interests"
        hint="One on each line, in your own words: “old films”, “gardening”, “Blackpool FC”. Matching finds people who share them."
        rows={4}
        value={values.interests}
        error={errors.interests}
        onChange={(e) => set('interests', e.target.value)}
      />
      <TextAreaField
        id="carer-qualities"
        label="Qualities"
        hint="What kind of person you are, one on each line: “calm”, “chatty”, “patient”."
        rows={3}
        value={values.qualities}
        error={errors.qualities}
        onChange={(e) => set('qualities', e.target.value)}
      />
      <TextAreaField
        id="carer-languages"
        label="Languages"
        hint="The languages you speak, one on each line."
        rows={2}
        value={values.languages}
        error={errors.languages}
        onChange={(e) => set('languages', e.target.value)}
      />
      <TextAreaField
        id="carer-skills"
        label="Skills"
        hint="Care you are trained for, one on each line: “medication prompt”, “hoist”, “dementia care”."
        rows={3}
        value={values.skills}
        error={errors.skills}
        onChange={(e) => set('skills', e.target.value)}
      />

      <Choice
        id="carer-gender"
        legend="Gender"
        hint={`Some people ask for personal care from a woman or from a man.`}
        options={[
          ['woman', 'Woman'],
          ['man', 'Man'],
          ['non-binary', 'Non-binary'],
        ]}
        value={values.gender}
        error={errors.gender}
        onChange={(v) => set('gender', v as CarerFormValues['gender'])}
      />
      <Choice
        id="carer-drives"
        legend={ownProfile ? 'Do you drive to visits?' : 'Do they drive to visits?'}
        options={YES_NO}
        value={values.drives}
        error={errors.drives}
        onChange={(v) => set('drives', v as CarerFormValues['drives'])}
      />

      <fieldset>
        <legend>Where {you} start from</legend>
        <TextField id="carer-baseArea" label="Area, in words" hint="For example: Bispham, Blackpool." value={values.baseArea} error={errors.baseArea} onChange={(e) => set('baseArea', e.target.value)} />
        <p className="hint" id="carer-point-hint">
          The point on a map, in decimal degrees (an online map shows them when you click a place). Matching measures distances from it.
        </p>
        <MapPointFields idPrefix="carer" lat={values.lat} lon={values.lon} errors={errors} onChange={set} />
        <TextField
          id="carer-travelKm"
          label="How far from there, in km (optional)"
          hint="Leave empty for the usual: further for drivers."
          inputMode="decimal"
          value={values.travelKm}
          error={errors.travelKm}
          onChange={(e) => set('travelKm', e.target.value)}
        />
      </fieldset>

      <AvailabilityFields week={values.availability} error={errors.availability} onChange={(week) => set('availability', week)} />
    </ProfileForm>
  );
}
