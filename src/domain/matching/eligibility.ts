import { notFreeReasons, windowsCover, type VisitNeed } from './availability';
import { greatCircleKm, tooFarReason } from './distance';
import type { PersonNeeds } from './person-needs';
import { GENDER_CODES, hasAny, maskOf, type StaffColumns } from './staff-columns';

/**
 * Step 1, the hard filter, set up for one person: returns every reason carer i can't support them,
 * in the practice's order (free, can get there, skills, language, personal care); null when the
 * carer is available. All reasons are collected, not just the first, so an organiser sees the whole
 * picture ("not free Monday 08:00–08:45" and "14 km away; travels up to 8 km").
 */
export function eligibilityCheck(need: PersonNeeds, columns: StaffColumns): (i: number) => string[] | null {
  const { dayStart, windowMinutes, lat, lon, cosLat, rangeKm, travelsUpTo, gender } = columns;
  const visits = need.visits;
  const skillMasks = need.skills.map((s) => maskOf(columns.skills, [s.skill]));
  const languageMask = maskOf(columns.languages, need.languages);
  const careBy = need.personalCare === null ? -1 : GENDER_CODES[need.personalCare.by];
  const home = need.home;
  // Reasons are written into one reused array and copied out at their exact length: with thousands
  // of carers excluded per run, growing a fresh array for each was most of the garbage. (Setting
  // length = 0 to reuse it would free its storage, so a count is kept instead.)
  const reasons: string[] = new Array<string>(visits.length + need.skills.length + 3).fill('');
  // Most carers miss the same few combinations of visits, so the grouped "not free" wording is made
  // once per combination (keyed by a bit per visit) rather than once per carer.
  const notFreeByMissed = new Map<number, string[]>();
  const keyable = visits.length <= 30;
  return (i) => {
    let n = 0;
    let missedKey = 0;
    let missed: VisitNeed[] | null = null;
    for (let v = 0; v < visits.length; v += 1) {
      const visit = visits[v]!;
      const slot = i * 7 + visit.day;
      if (!windowsCover(windowMinutes, dayStart[slot]!, dayStart[slot + 1]!, visit)) {
        if (keyable) missedKey |= 1 << v;
        else (missed ??= []).push(visit);
      }
    }
    if (missedKey !== 0) {
      let notFree = notFreeByMissed.get(missedKey);
      if (notFree === undefined) {
        notFree = notFreeReasons(visits.filter((_, v) => (missedKey & (1 << v)) !== 0));
        notFreeByMissed.set(missedKey, notFree);
      }
      for (const reason of notFree) reasons[n++] = reason;
    } else if (missed !== null) {
      for (const reason of notFreeReasons(missed)) reasons[n++] = reason;
    }
    const distance = greatCircleKm(home.lat, home.lon, home.cosLat, lat[i]!, lon[i]!, cosLat[i]!);
    if (distance > rangeKm[i]!) reasons[n++] = tooFarReason(distance, rangeKm[i]!, travelsUpTo[i]!);
    for (let s = 0; s < skillMasks.length; s += 1) {
      if (!hasAny(columns.skills, i, skillMasks[s]!)) reasons[n++] = need.skills[s]!.reason;
    }
    if (need.languages.length > 0 && !hasAny(columns.languages, i, languageMask)) reasons[n++] = need.languageReason;
    if (need.personalCare !== null && gender[i] !== careBy) reasons[n++] = need.personalCare.reason;
    return n === 0 ? null : reasons.slice(0, n);
  };
}
