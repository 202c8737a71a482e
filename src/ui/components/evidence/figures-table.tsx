import { figureWords, type ChoiceFigure } from './choice-figures';

/** Figures as a table: one row each, its label as the row header. */
export function FiguresTable({ caption, figures }: { caption: string; figures: ChoiceFigure[] }) {
  return (
    <table className="evidence-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">Visits</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={f.label}>
            <th scope="row">{f.label}</th>
            <td>{figureWords(f)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
