import { ChoiceField, YES_NO } from '../choice-field';
import { TextAreaField } from '../text-area-field';
import { TextField } from '../text-field';
import { AvailabilityFields } from './availability-fields';
import { MapPointFields } from './map-point-fields';
import { fieldSetter, ProfileForm, type ProfileEditorProps } from './profile-form';
import { PERSON_FIELD_LABELS, PERSON_FIELDS, type PersonFormErrors, type PersonFormValues } from './person-form-values';

const fieldId = (field: string): string => `person-${field}`;

/**
 * The one-page profile of the person receiving care, written with them at the first assessment: in their
 * words first (what people appreciate, what is important, how best to support them), then who they get on
 * with, how they communicate, and what matching needs (when, where, care needs).
 */
export function PersonProfileEditor({
  values,
  onChange,
  errors,
  onSave,
  busy,
  summaryRef,
}: ProfileEditorProps<PersonFormValues, PersonFormErrors>) {
  const set = fieldSetter(values, onChange);
  const list = (field: 'appreciated' | 'importantToMe' | 'howToSupportMe' | 'interests' | 'getsOnWith' | 'doesNotGetOnWith' | 'needsSkills' | 'languages', hint: string, rows = 4) => (
    <TextAreaField id={fieldId(field)} label={PERSON_FIELD_LABELS[field]} hint={hint} rows={rows} value={values[field]} error={errors[field]} onChange={(e) => set(field, e.target.value)} />
  );

  return (
    <ProfileForm fields={PERSON_FIELDS} errors={errors} labels={PERSON_FIELD_LABELS} fieldId={fieldId} summaryRef={summaryRef} busy={busy} onSave={onSave}>

      <fieldset>
        <legend>About them</legend>
        <TextField id="person-firstName" label="First name" value={values.firstName} error={errors.firstName} onChange={(e) => set('firstName', e.target.value)} />
        <TextField id="person-age" label="Age" inputMode="numeric" value={values.age} error={errors.age} onChange={(e) => set('age', e.target.value)} />
        <TextField
          id="person-livesAt"
          label="Where and how they live"
          hint="For example: On her own in a bungalow in Bispham."
          value={values.livesAt}
          error={errors.livesAt}
          onChange={(e) => set('livesAt', e.target.value)}
        />
        <TextField
          id="person-referredOn"
          label="Referred on (optional)"
          hint="The day the organisation was asked to support them. The report counts the days from here to their choice."
          type="date"
          value={values.referredOn}
          error={errors.referredOn}
          onChange={(e) => set('referredOn', e.target.value)}
        />
      </fieldset>

      <fieldset>
        <legend>In their own words</legend>
        {list('appreciated', 'What people like and admire about them, one thing on each line.')}
        {list('importantToMe', 'What matters most to them, one thing on each line.')}
        {list('howToSupportMe', 'What good support looks like for them, one thing on each line.')}
        {list('interests', 'One on each line: “old films”, “Cary Grant”, “gardening”. Matching looks for carers who share them.')}
      </fieldset>

      <fieldset>
        <legend>Who they get on with</legend>
        {list('getsOnWith', 'Words for the kind of person, one on each line: “calm”, “patient”, “a good listener”.', 3)}
        {list('doesNotGetOnWith', 'One on each line: “loud”, “rushed”.', 3)}
      </fieldset>

      <fieldset>
        <legend>Communication</legend>
        <TextAreaField
          id="person-communication"
          label={PERSON_FIELD_LABELS.communication}
          hint="For example: I choose best with pictures. Show me, then give me time."
          rows={3}
          value={values.communication}
          error={errors.communication}
          onChange={(e) => set('communication', e.target.value)}
        />
        <ChoiceField
          id="person-speech"
          legend="Speech"
          options={[
            ['speaks', 'Speaks'],
            ['some-words', 'Uses some words'],
            ['no-speech', 'Does not use speech'],
          ]}
          value={values.speech}
          error={errors.speech}
          onChange={(v) => set('speech', v as PersonFormValues['speech'])}
        />
        <ChoiceField
          id="person-usesPictures"
          legend="Do they choose best with pictures?"
          options={YES_NO}
          value={values.usesPictures}
          error={errors.usesPictures}
          onChange={(v) => set('usesPictures', v as PersonFormValues['usesPictures'])}
        />
        {list('languages', 'The languages a carer must speak with them, one on each line; any one will do.', 2)}
      </fieldset>

      <fieldset>
        <legend>Support</legend>
        <TextField
          id="person-homePlace"
          label="Where support happens"
          hint="For example: Hilda’s home, Bispham, Blackpool."
          value={values.homePlace}
          error={errors.homePlace}
          onChange={(e) => set('homePlace', e.target.value)}
        />
        <p className="hint">The point on a map, in decimal degrees: matching measures how far each carer would travel.</p>
        <MapPointFields idPrefix="person" lat={values.lat} lon={values.lon} errors={errors} onChange={set} />
        {list('needsSkills', 'Care needs, as the skills a carer must have, one on each line: “medication prompt”, “hoist”.', 3)}
        <ChoiceField
          id="person-personalCareBy"
          legend="Personal care from"
          options={[
            ['either', 'No preference'],
            ['woman', 'A woman'],
            ['man', 'A man'],
          ]}
          value={values.personalCareBy}
          error={errors.personalCareBy}
          onChange={(v) => set('personalCareBy', v as PersonFormValues['personalCareBy'])}
        />
      </fieldset>

      <AvailabilityFields
        id="person-visitTimes"
        legend="When support is needed"
        hint="Every week. Matching looks for carers free at all of these times."
        none="No visit"
        week={values.visitTimes}
        error={errors.visitTimes}
        onChange={(week) => set('visitTimes', week)}
      />
    </ProfileForm>
  );
}
