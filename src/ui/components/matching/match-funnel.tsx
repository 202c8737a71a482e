import type { MatchFunnel as Funnel } from '../../../domain/matching/result';

const MIN_WIDTH_PERCENT = 45;

/** Between the narrowest bar (room for its words) and the full width, in proportion to the count. */
function widthOf(count: number, considered: number): string {
  const share = considered > 0 ? count / considered : 1;
  return `${Math.round(MIN_WIDTH_PERCENT + (100 - MIN_WIDTH_PERCENT) * share)}%`;
}

/**
 * The three steps as a funnel, widest first: everyone considered, those free (the hard filter),
 * those a good personality fit, then the order by shared interests.
 */
export function MatchFunnel({ funnel, personName }: { funnel: Funnel; personName: string }) {
  const steps = [
    { key: 'considered', count: funnel.considered, words: funnel.considered === 1 ? 'care worker' : 'care workers' },
    { key: 'available', count: funnel.available, words: `free at ${personName}'s times, near enough, with the skills needed` },
    { key: 'good-fit', count: funnel.goodFit, words: 'a good personality fit' },
  ];
  return (
    <ol className="funnel" aria-label="Matching steps">
      {steps.map((step) => (
        <li key={step.key} className="funnel-step" style={{ width: widthOf(step.count, funnel.considered) }}>
          <strong className="funnel-count">{step.count}</strong> {step.words}
        </li>
      ))}
      <li className="funnel-step last" style={{ width: `${MIN_WIDTH_PERCENT}%` }}>
        ranked by shared interests
      </li>
    </ol>
  );
}
