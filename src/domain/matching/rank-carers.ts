import { eligibilityCheck } from './eligibility';
import { whySentence } from './explain';
import { interestFit } from './interest-fit';
import { personNeeds } from './person-needs';
import { personalityFit } from './personality';
import { prepareStaff, type PreparedCarer, type PreparedStaff } from './prepare-staff';
import type { ExcludedCarer, InterestFit, MatchResult, PersonalityFit, RankedCarer } from './result';
import type { MatchPerson, MatchStaff } from './scenario';

export { prepareStaff, type PreparedStaff } from './prepare-staff';

export interface MatchOptions {
  /**
   * Return only the best `limit` ranked carers (all when absent). Excluded carers and the funnel are
   * unaffected: funnel.ranked still counts every available carer.
   */
  limit?: number;
}

interface Candidate {
  carer: PreparedCarer;
  /** Position in tie-break order (name, then id). */
  order: number;
  personality: PersonalityFit;
  interests: InterestFit;
}

/**
 * The matching practice in its fixed order: (1) availability, a hard filter with plain reasons;
 * (2) personality, which always outranks (3) shared interests. Deterministic and independent of the
 * order of `staff`: ties go to name, then id. Pass prepareStaff(staff) when matching many people
 * against the same staff.
 */
export function rankCarers(person: MatchPerson, staff: readonly MatchStaff[] | PreparedStaff, options: MatchOptions = {}): MatchResult {
  const prepared = isPrepared(staff) ? staff : prepareStaff(staff);
  const need = personNeeds(person);
  const excluded: ExcludedCarer[] = [];
  const candidates: Candidate[] = [];
  const { carers, columns } = prepared;
  const reasonsFor = eligibilityCheck(need, columns);
  for (let order = 0; order < columns.count; order += 1) {
    const reasons = reasonsFor(order);
    if (reasons !== null) {
      excluded.push({ id: columns.ids[order]!, name: columns.names[order]!, reasons });
      continue;
    }
    const carer = carers[order]!;
    const personality = personalityFit(need.personality, carer.qualities);
    const interests = interestFit(need.interests, carer.interests);
    candidates.push({ carer, order, personality, interests });
  }
  candidates.sort(
    (a, b) =>
      b.personality.score - a.personality.score || b.interests.score - a.interests.score || a.order - b.order,
  );
  const personHasWants = need.personality.wants.length > 0;
  const shown = options.limit === undefined ? candidates : candidates.slice(0, Math.max(0, options.limit));
  const ranked: RankedCarer[] = shown.map((c, i) => ({
    id: c.carer.id,
    name: c.carer.name,
    rank: i + 1,
    personality: c.personality,
    interests: c.interests,
    why: whySentence({
      personName: need.name,
      personHasWants,
      carerFirstName: c.carer.firstName,
      personality: c.personality,
      interests: c.interests,
    }),
  }));
  return {
    ranked,
    excluded,
    funnel: {
      considered: prepared.carers.length,
      available: candidates.length,
      // A good fit: at least one quality the person likes and none they don't; when the person
      // names no qualities they like, anyone without a quality they avoid.
      goodFit: candidates.filter((c) => c.personality.fit === 'good' || (!personHasWants && c.personality.fit === 'neutral')).length,
      ranked: candidates.length,
    },
  };
}

function isPrepared(staff: readonly MatchStaff[] | PreparedStaff): staff is PreparedStaff {
  return !Array.isArray(staff);
}
