import { resolveInterest } from '../interests/resolve-interest';
import { makeProbe, type InterestProbe } from '../interests/similarity';
import { visitNeeds, type VisitNeed } from './availability';
import { placePoint, type PlacedPoint } from './distance';
import { languageCode, languageName } from './languages';
import { personalityNeeds, type PersonalityNeeds } from './personality';
import type { MatchPerson } from './scenario';
import { canonicalSkill } from './skills';

/** The person's side of a match run, read once and checked against every carer. */
export interface PersonNeeds {
  /** How explanations name the person: their name, or "the person". */
  readonly name: string;
  readonly visits: readonly VisitNeed[];
  readonly home: PlacedPoint;
  readonly skills: readonly { readonly skill: string; readonly reason: string }[];
  /** Any one of these will do; empty when the person states no language. */
  readonly languages: readonly string[];
  readonly languageReason: string;
  /** Who the person would like personal care from, if they have said. */
  readonly personalCare: { readonly by: 'woman' | 'man'; readonly reason: string } | null;
  readonly personality: PersonalityNeeds;
  readonly interests: readonly InterestProbe[];
}

export function personNeeds(person: MatchPerson): PersonNeeds {
  const name = person.name?.trim() || 'the person';
  const skills = new Map<string, string>();
  for (const s of person.needsSkills) {
    const skill = canonicalSkill(s);
    if (!skills.has(skill)) skills.set(skill, `doesn't have the skill: ${s.trim()}`);
  }
  const languages = [...new Map(person.languages.map((l) => [languageCode(l), languageName(l)]))];
  const careBy = person.personalCareBy ?? null;
  return {
    name,
    visits: visitNeeds(person.visits),
    home: placePoint(person.location),
    skills: [...skills].map(([skill, reason]) => ({ skill, reason })),
    languages: languages.map(([code]) => code),
    languageReason: `doesn't speak ${orList(languages.map(([, shown]) => shown))}`,
    personalCare: careBy === null ? null : { by: careBy, reason: `${capitalise(name)} would like personal care from a ${careBy}` },
    personality: personalityNeeds(person.wants, person.avoids),
    interests: person.interests.map((words) => makeProbe(resolveInterest(words))),
  };
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
