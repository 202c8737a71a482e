import { describe, expect, it } from 'vitest';
import {
  OUTCOME_EXPORT_HEADERS,
  outcomesCsv,
  outcomesExportFileName,
  OutcomesExportQuerySchema,
  outcomesExportPath,
  spreadsheetSafe,
  type OutcomeExportRow,
} from '../../../src/domain/csv/outcomes-csv';
import { parseCsv } from '../../../src/domain/csv/parse-csv';

const row = (overrides: Partial<OutcomeExportRow> = {}): OutcomeExportRow => ({
  visitDate: '2026-11-25',
  visitTime: '10:30',
  place: 'Hilda’s home, Bispham, Blackpool',
  personFirstName: 'Hilda',
  outcome: 'Chose a carer',
  chosenCarer: 'Sam',
  carersShown: ['Sam', 'Bethan', 'Grace'],
  topMatchChosen: 'yes',
  howDecided: { indicatedBy: 'person-by-touch', present: ['Organiser', 'Daughter'], supportsUsed: ['audio', 'captions'], durationSeconds: 300 },
  decidedAt: '2026-11-25 10:45',
  reachedOfficeAt: '2026-11-25 11:02',
  openConflict: false,
  ...overrides,
});

describe('spreadsheetSafe', () => {
  it('stops a spreadsheet running a cell as a formula', () => {
    for (const danger of ['=HYPERLINK("x")', '+44 1253', '-1+1', '@SUM(A1)', '\tlead', '\rlead']) {
      expect(spreadsheetSafe(danger)).toBe(`'${danger}`);
    }
    for (const fine of ['Sam', '2026-11-25', 'a=b', "'already", '']) expect(spreadsheetSafe(fine)).toBe(fine);
  });
});

describe('outcomesCsv', () => {
  it('writes a BOM, the header and one row per visit in plain words', () => {
    const text = outcomesCsv([row(), row({ outcome: 'None of these', chosenCarer: null, topMatchChosen: 'no carer chosen', howDecided: null, openConflict: true })]);
    expect(text.startsWith('\uFEFFVisit date,')).toBe(true);
    const parsed = parseCsv(text);
    expect(parsed.ok && parsed.records.map((r) => r.cells)).toEqual([
      [...OUTCOME_EXPORT_HEADERS],
      ['2026-11-25', '10:30', 'Hilda’s home, Bispham, Blackpool', 'Hilda', 'Chose a carer', 'Sam', 'Sam; Bethan; Grace', 'yes',
        'The person, by touching the screen', 'Organiser; Daughter', 'Listening (audio); Captions on films', '2026-11-25 10:45', '2026-11-25 11:02', 'no'],
      ['2026-11-25', '10:30', 'Hilda’s home, Bispham, Blackpool', 'Hilda', 'None of these', '', 'Sam; Bethan; Grace', 'no carer chosen',
        'not recorded', 'not recorded', 'not recorded', '2026-11-25 10:45', '2026-11-25 11:02', 'yes'],
    ]);
  });

  it('quotes and guards what people typed', () => {
    const text = outcomesCsv([row({ place: '=cmd|"/c calc"!A1', personFirstName: '@Hilda', howDecided: { ...row().howDecided!, present: ['-daughter'], supportsUsed: [] } })]);
    const parsed = parseCsv(text);
    const cells = parsed.ok ? parsed.records[1]!.cells : [];
    expect(cells[2]).toBe('\'=cmd|"/c calc"!A1');
    expect(cells[3]).toBe("'@Hilda");
    expect(cells[9]).toBe("'-daughter");
    expect(cells[10]).toBe('none');
    expect(text).toContain('"\'=cmd|""/c calc""!A1"');
  });
});

describe('the export range', () => {
  it('takes real dates, either end optional, in order', () => {
    expect(OutcomesExportQuerySchema.parse({})).toEqual({});
    expect(OutcomesExportQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(OutcomesExportQuerySchema.safeParse({ from: '2026-02-30' }).success).toBe(false);
    expect(OutcomesExportQuerySchema.safeParse({ from: '1/11/2026' }).success).toBe(false);
    expect(OutcomesExportQuerySchema.safeParse({ from: '2026-11-30', to: '2026-11-01' }).success).toBe(false);
    expect(OutcomesExportQuerySchema.safeParse({ since: '2026-11-01' }).success).toBe(false);
  });

  it('names the file and builds the link from the range', () => {
    expect(outcomesExportFileName({ from: '2026-11-01', to: '2026-11-30' })).toBe('hearth-outcomes-2026-11-01-2026-11-30.csv');
    expect(outcomesExportFileName({ from: '2026-11-01' })).toBe('hearth-outcomes-2026-11-01-onwards.csv');
    expect(outcomesExportFileName({ to: '2026-11-30' })).toBe('hearth-outcomes-up-to-2026-11-30.csv');
    expect(outcomesExportFileName({})).toBe('hearth-outcomes-all.csv');
    expect(outcomesExportPath({ from: '2026-11-01', to: '2026-11-30' })).toBe('/api/exports/outcomes.csv?from=2026-11-01&to=2026-11-30');
    expect(outcomesExportPath()).toBe('/api/exports/outcomes.csv');
  });
});
