import { resolveInterest, type ResolvedInterest } from '../interests/resolve-interest';
import { qualityIndex } from './qualities';
import type { MatchStaff } from './scenario';
import { staffColumns, type StaffColumns } from './staff-columns';

/** What steps 2 and 3 need about one carer, worked out once. */
export interface PreparedCarer {
  readonly staff: MatchStaff;
  readonly id: string;
  readonly name: string;
  /** For explanations: "Sam loves films". */
  readonly firstName: string;
  /** Canonical quality → the carer's words. */
  readonly qualities: ReadonlyMap<string, string>;
  readonly interests: readonly ResolvedInterest[];
}

/**
 * A staff list ready for many match runs (one per person). Carers are in tie-break order (name, then
 * id), which is what makes results independent of the order staff were given in; `columns` holds
 * the hard filter's data for carer i at index i.
 */
export interface PreparedStaff {
  readonly carers: readonly PreparedCarer[];
  readonly columns: StaffColumns;
}

export function prepareStaff(staff: readonly MatchStaff[]): PreparedStaff {
  const ordered = [...staff].sort(compareStaff);
  return { carers: ordered.map(prepareCarer), columns: staffColumns(ordered) };
}

function prepareCarer(staff: MatchStaff): PreparedCarer {
  return {
    staff,
    id: staff.id,
    name: staff.name,
    firstName: staff.name.trim().split(/\s+/)[0] ?? staff.name,
    qualities: qualityIndex(staff.qualities),
    interests: staff.interests.map((words) => resolveInterest(words)),
  };
}

/**
 * Tie-break order: name ignoring case, then name, then id, by UTF-16 code units rather than
 * localeCompare, so the tablet and the server (different ICU data) always agree. Two records with
 * the same name and id (which the scenario schema refuses) fall back to their whole content.
 */
export function compareStaff(a: MatchStaff, b: MatchStaff): number {
  return (
    compareText(a.name.toLowerCase(), b.name.toLowerCase()) ||
    compareText(a.name, b.name) ||
    compareText(a.id, b.id) ||
    compareText(JSON.stringify(a), JSON.stringify(b))
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
