import type { ChoiceReport } from '../../../domain/evidence';
import { daysWords } from './evidence-words';

/** The days from a person's referral to the day they chose, as a table, with how many could not be measured. */
export function ReferralToChoice({ figures }: { figures: ChoiceReport['referralToChoice'] }) {
  const rows: [string, string][] = [
    ['Choices measured', String(figures.measured)],
    ['Median', figures.medianDays === null ? 'None measured' : daysWords(figures.medianDays)],
    [
      'Range',
      figures.shortestDays === null || figures.longestDays === null
        ? 'None measured'
        : `${daysWords(figures.shortestDays)} to ${daysWords(figures.longestDays)}`,
    ],
    ['No referral date recorded', String(figures.noReferralDate)],
  ];
  if (figures.referredAfterChoice > 0) rows.push(['Referral date after the choice (check the records)', String(figures.referredAfterChoice)]);
  return (
    <table className="evidence-table">
      <caption>Time from referral to choice</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
