import { normaliseText } from '../interests/normalise';

/**
 * Care skills that are written several ways. Only true synonyms: "meds" is "medication" and "manual
 * handling" is "moving and handling", but a hoist is its own skill, never implied by manual handling.
 */
const SKILL_GROUPS: readonly (readonly string[])[] = [
  ['medication', 'meds', 'medicines', 'medication administration', 'administering medication', 'giving medication', 'medication support', 'medicines management', 'medication management'],
  ['hoist', 'hoisting', 'using a hoist', 'hoist transfers', 'hoist trained', 'hoist use'],
  ['dementia care', 'dementia', 'dementia support', 'dementia trained', 'supporting people with dementia'],
  ['moving and handling', 'manual handling', 'moving and handling people', 'safe moving and handling'],
  ['personal care', 'intimate care', 'washing and dressing', 'help with washing and dressing'],
  ['catheter care', 'catheter', 'catheter management'],
  ['stoma care', 'stoma', 'stoma management'],
  ['PEG feeding', 'PEG', 'PEG care', 'tube feeding', 'enteral feeding'],
  ['diabetes care', 'diabetes', 'diabetic care', 'diabetes management'],
  ['end of life care', 'palliative care', 'end-of-life care', 'palliative'],
  ['epilepsy care', 'epilepsy', 'seizure management', 'epilepsy awareness'],
  ['learning disability support', 'learning disability', 'learning disabilities', 'LD support', 'supporting people with learning disabilities'],
  ['autism support', 'autism', 'autism awareness', 'supporting autistic people'],
  ['mental health support', 'mental health', 'mental health awareness'],
  ['pressure care', 'pressure area care', 'pressure ulcer prevention', 'skin integrity'],
  ['first aid', 'first aider', 'first aid trained'],
  ['Makaton', 'Makaton signing', 'Makaton trained'],
  ['British Sign Language', 'BSL', 'signing BSL'],
  ['meal preparation', 'meal prep', 'cooking meals', 'food preparation', 'preparing meals'],
  ['stroke care', 'stroke', 'stroke recovery', 'stroke rehabilitation'],
  ['Parkinsons care', 'Parkinsons', 'Parkinsons disease'],
  ['continence care', 'continence', 'incontinence care', 'continence support'],
];

const CANONICAL: ReadonlyMap<string, string> = new Map(
  SKILL_GROUPS.flatMap((group) => {
    const canonical = normaliseText(group[0]!);
    return group.map((word) => [normaliseText(word), canonical] as const);
  }),
);

/** A skill as comparable text: its group's canonical form, or its own normalised text. */
export function canonicalSkill(skill: string): string {
  const text = normaliseText(skill);
  return CANONICAL.get(text) ?? text;
}
