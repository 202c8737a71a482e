import type { ExcludedCarer } from '../../../domain/matching/result';

/** Care workers the hard filter left out, each with the plain reasons why. They cannot be shortlisted. */
export function ExcludedCarers({ excluded, personName }: { excluded: ExcludedCarer[]; personName: string }) {
  if (excluded.length === 0) return null;
  return (
    <section id="excluded" className="card excluded-carers" aria-labelledby="excluded-heading">
      <h2 id="excluded-heading">
        Cannot support {personName} ({excluded.length})
      </h2>
      <p>These care workers were left out before ranking, for the reasons given. They cannot be shortlisted.</p>
      <ul>
        {excluded.map((carer) => (
          <li key={carer.id}>
            <strong>{carer.name}</strong>: {carer.reasons.join('; ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
