import type { ChoiceReport } from '../../../domain/evidence';

/** One figure of the report: how many of how many. */
export interface ChoiceFigure {
  label: string;
  count: number;
  /** What it is a share of; absent for a figure that is a plain count. */
  of?: number;
}

/** "3 of 4 (75%)", "0 of 0", "7" */
export function figureWords(figure: ChoiceFigure): string {
  if (figure.of === undefined) return String(figure.count);
  if (figure.of === 0) return `${figure.count} of 0`;
  return `${figure.count} of ${figure.of} (${Math.round((figure.count / figure.of) * 100)}%)`;
}

/** The bars of the chart: each outcome, and the top match, as shares of the visits decided. */
export function chartFigures(report: ChoiceReport): ChoiceFigure[] {
  const of = report.decided;
  return [
    { label: 'Chose their own carer', count: report.outcomes.chosen, of },
    { label: 'Chose the top match', count: report.topMatch.picked, of },
    { label: 'Asked to meet first', count: report.outcomes.meetFirst, of },
    { label: 'Chose none of these', count: report.outcomes.noneOfThese, of },
    { label: 'Not sure yet', count: report.outcomes.notSureYet, of },
  ];
}

/** The choices, by how the person indicated them. */
export function howChosenFigures(report: ChoiceReport): ChoiceFigure[] {
  const of = report.outcomes.chosen;
  return [
    { label: 'By the person themselves', count: report.chosenHow.byThemselves, of },
    { label: 'By the person, with a supporter’s help', count: report.chosenHow.withSupporter, of },
    { label: 'By family, on the person’s behalf', count: report.chosenHow.byFamily, of },
    { label: 'How it was indicated was not recorded', count: report.chosenHow.notRecorded, of },
  ];
}

/** The choices, against the match run's top match. Visits planned without a match run are counted apart, not guessed. */
export function topMatchFigures(report: ChoiceReport): ChoiceFigure[] {
  const fromMatchRun = report.topMatch.picked + report.topMatch.otherPicked;
  return [
    { label: 'Chose the top match, of choices from a match run', count: report.topMatch.picked, of: fromMatchRun },
    { label: 'Chose another carer on the shortlist, of choices from a match run', count: report.topMatch.otherPicked, of: fromMatchRun },
    { label: 'Planned without a match run in Hearth (not counted above)', count: report.topMatch.withoutMatchRun },
  ];
}
