import type { ConflictKind } from '../../domain/conflicts';

/** What the office reads first about a conflict. */
export function describeConflict(kind: ConflictKind): string {
  switch (kind) {
    case 'different-outcomes':
      return 'Two tablets sent different answers for this visit';
    case 'shortlist-changed':
      return 'The answer was made from a shortlist the office has since changed';
  }
}
