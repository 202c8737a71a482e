import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  PASSED_OVER_REASON_MIN_CHARS,
  PlanVisitRequestSchema,
  type MatchInputs,
  type PassedOverReason,
} from '../../domain/match-runs';
import type { MatchResult } from '../../domain/matching/result';
import { describeShortlistProblem, passedOverCarers, seenOf, shortlistProblems } from '../../domain/shortlist-rules';
import { ApiFailure, NetworkFailure } from '../../sync/transport';
import { refreshVisits } from '../../sync/visit-list';
import { useAppServices } from '../app';
import { suggestedVisitTime } from '../format/dates';
import { visitPath } from '../paths';

export interface PlanVisitErrors {
  shortlist?: string;
  /** By carer id: the "Why not …?" fields. */
  reasons: Record<string, string>;
  plannedAt?: string;
  place?: string;
  /** About the whole attempt: no connection, or the office refused. */
  form?: string;
  /** The office's re-run disagrees with what the organiser saw: the match must be run again. */
  matchChanged?: boolean;
}

const NO_ERRORS: PlanVisitErrors = { reasons: {} };

export function hasErrors(errors: PlanVisitErrors): boolean {
  return Boolean(errors.shortlist || errors.plannedAt || errors.place || errors.form || Object.keys(errors.reasons).length > 0);
}

/**
 * The shortlist form's state and its one action. Every rule is checked here before anything is sent
 * (the office checks them again), so a mistake is shown next to its field and nothing is created.
 */
export function usePlanVisit(inputs: MatchInputs, result: MatchResult) {
  const { db, transport, now } = useAppServices();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<string[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [plannedAt, setPlannedAt] = useState(() => suggestedVisitTime(now()));
  const [place, setPlace] = useState(inputs.person.place);
  const [errors, setErrors] = useState<PlanVisitErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  // A second tap before the first answer must not plan a second visit; state updates too late for that.
  const sending = useRef(false);

  // In rank order, which is also the order the person will see the cards.
  const shortlist = useMemo(() => result.ranked.filter((c) => selected.includes(c.id)).map((c) => c.id), [result, selected]);
  const passedOver = useMemo(() => passedOverCarers(result.ranked, shortlist), [result, shortlist]);

  function toggle(carerId: string) {
    setSelected((current) => (current.includes(carerId) ? current.filter((id) => id !== carerId) : [...current, carerId]));
  }

  function setReason(carerId: string, text: string) {
    setReasons((current) => ({ ...current, [carerId]: text }));
  }

  function check(): { errors: PlanVisitErrors; given: PassedOverReason[]; when: Date | null } {
    const found: PlanVisitErrors = { reasons: {} };
    const given = passedOver
      .map((c) => ({ carerId: c.id, reason: (reasons[c.id] ?? '').trim() }))
      .filter((p) => p.reason.length > 0);
    for (const problem of shortlistProblems(result, shortlist, given)) {
      if (problem.kind === 'reason-missing') found.reasons[problem.carer.id] = describeShortlistProblem(problem);
      else found.shortlist ??= describeShortlistProblem(problem);
    }
    for (const p of given) {
      if (p.reason.length < PASSED_OVER_REASON_MIN_CHARS) {
        const name = passedOver.find((c) => c.id === p.carerId)?.name ?? 'them';
        found.reasons[p.carerId] = `Say a little more about why not ${name}: at least ${PASSED_OVER_REASON_MIN_CHARS} letters.`;
      }
    }
    const when = plannedAt ? new Date(plannedAt) : null;
    if (!when || Number.isNaN(when.getTime())) found.plannedAt = 'Enter the date and time of the home visit.';
    else if (when.getTime() < now().getTime()) found.plannedAt = 'That time has passed. Choose a time in the future.';
    if (place.trim() === '') found.place = 'Enter where the home visit will be.';
    return { errors: found, given, when };
  }

  async function submit(): Promise<void> {
    if (sending.current) return;
    const checked = check();
    setErrors(checked.errors);
    if (hasErrors(checked.errors) || !checked.when) return;

    const request = PlanVisitRequestSchema.parse({
      personId: inputs.person.id,
      plannedAt: checked.when.toISOString(),
      place: place.trim(),
      shortlist,
      passedOver: checked.given,
      seen: seenOf(result),
    });
    sending.current = true;
    setBusy(true);
    try {
      const planned = await transport.planVisit(request);
      // The new visit must be on the tablet before its screen opens; if the list cannot be fetched now,
      // the visit screen says so and the next sync brings it.
      await refreshVisits(db, transport).catch(() => undefined);
      navigate(visitPath(planned.visitId));
    } catch (error) {
      setErrors({ ...NO_ERRORS, ...describeFailure(error) });
      setBusy(false);
      sending.current = false;
    }
  }

  return { selected, toggle, reasons, setReason, plannedAt, setPlannedAt, place, setPlace, passedOver, errors, busy, submit };
}

function describeFailure(error: unknown): Pick<PlanVisitErrors, 'form' | 'matchChanged'> {
  if (error instanceof NetworkFailure) {
    return { form: 'Planning the visit needs a connection to the office. Nothing was saved. Connect, then try again.' };
  }
  if (error instanceof ApiFailure && error.code === 'match-changed') return { form: error.message, matchChanged: true };
  return { form: `The visit was not planned: ${error instanceof Error ? error.message : String(error)}` };
}
