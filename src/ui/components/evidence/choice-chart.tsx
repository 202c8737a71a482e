import { useId } from 'react';
import { figureWords, type ChoiceFigure } from './choice-figures';

const WIDTH = 640;
const LABEL_WIDTH = 200;
const BAR_SPACE = 300;
const ROW_HEIGHT = 40;
const BAR_HEIGHT = 24;

/**
 * A plain horizontal bar chart. Its accessible name says every number, and the same numbers are in the
 * table beside it: the chart is never the only way to read them.
 */
export function ChoiceChart({ figures, summary }: { figures: ChoiceFigure[]; summary: string }) {
  const titleId = useId();
  const label = `${summary}: ${figures.map((f) => `${f.label.toLowerCase()}, ${figureWords(f)}`).join('; ')}.`;
  const height = figures.length * ROW_HEIGHT + 8;
  return (
    <svg className="evidence-chart" role="img" aria-labelledby={titleId} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height}>
      <title id={titleId}>{label}</title>
      {figures.map((f, i) => {
        const share = f.of ? f.count / f.of : 0;
        const y = i * ROW_HEIGHT + 8;
        const barWidth = Math.round(share * BAR_SPACE);
        return (
          <g key={f.label} aria-hidden="true">
            <text x={0} y={y + BAR_HEIGHT * 0.7}>
              {f.label}
            </text>
            <rect className="bar" x={LABEL_WIDTH} y={y} width={barWidth} height={BAR_HEIGHT} />
            <text x={LABEL_WIDTH + barWidth + 8} y={y + BAR_HEIGHT * 0.7}>
              {figureWords(f)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
