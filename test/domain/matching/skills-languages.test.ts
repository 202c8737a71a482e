import { describe, expect, it } from 'vitest';
import { languageCode, languageName } from '../../../src/domain/matching/languages';
import { canonicalSkill } from '../../../src/domain/matching/skills';

describe('skills', () => {
  it('compares skills case-insensitively after normalisation', () => {
    expect(canonicalSkill('Hoist')).toBe(canonicalSkill('hoist'));
    expect(canonicalSkill('Dementia care.')).toBe(canonicalSkill('dementia care'));
  });

  it('knows real synonyms', () => {
    expect(canonicalSkill('meds')).toBe(canonicalSkill('medication'));
    expect(canonicalSkill('Medication administration')).toBe(canonicalSkill('medication'));
    expect(canonicalSkill('manual handling')).toBe(canonicalSkill('moving and handling'));
    expect(canonicalSkill('learning disabilities')).toBe(canonicalSkill('learning disability support'));
  });

  it('never treats manual handling as hoist training', () => {
    expect(canonicalSkill('manual handling')).not.toBe(canonicalSkill('hoist'));
  });

  it('keeps skills it does not know as written (normalised)', () => {
    expect(canonicalSkill('Tracheostomy care')).toBe('tracheostomy care');
  });
});

describe('languages', () => {
  it('treats codes and names alike, in any case', () => {
    expect(languageCode('cy')).toBe('cy');
    expect(languageCode('Welsh')).toBe('cy');
    expect(languageCode('CY')).toBe('cy');
    expect(languageCode('Cymraeg')).toBe('cy');
    expect(languageCode('en-GB')).toBe('en');
    expect(languageCode('PANJABI')).toBe('pa');
  });

  it('names languages in plain English', () => {
    const names = ['en', 'cy', 'pl', 'pa', 'ur', 'gu', 'bn', 'ro', 'es', 'fr', 'ar', 'so'].map(languageName);
    expect(names).toEqual(['English', 'Welsh', 'Polish', 'Punjabi', 'Urdu', 'Gujarati', 'Bengali', 'Romanian', 'Spanish', 'French', 'Arabic', 'Somali']);
    expect(languageName('Klingon')).toBe('Klingon');
  });
});
