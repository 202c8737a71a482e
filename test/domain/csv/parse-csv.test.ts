import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, detectDelimiter, parseCsv, utf8Bytes, writeCsv } from '../../../src/domain/csv/parse-csv';

const cellsOf = (text: string, delimiter?: ',' | ';') => {
  const parsed = parseCsv(text, delimiter ? { delimiter } : {});
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.records.map((r) => r.cells);
};

describe('parseCsv', () => {
  it('reads quoted cells holding commas, doubled quotes and line breaks (RFC 4180)', () => {
    const text = 'Staff ID,Base area,Note\r\nE1,"Bispham, Blackpool","She said ""hello""\r\nthen left"\r\n';
    expect(cellsOf(text)).toEqual([
      ['Staff ID', 'Base area', 'Note'],
      ['E1', 'Bispham, Blackpool', 'She said "hello"\r\nthen left'],
    ]);
  });

  it('numbers records as a spreadsheet shows them, counting blank rows but not line breaks inside quotes', () => {
    const parsed = parseCsv('a,b\n"x\ny",1\n,\n\nz,2\n');
    expect(parsed.ok && parsed.records.map((r) => [r.row, r.cells[0]])).toEqual([
      [1, 'a'],
      [2, 'x\ny'],
      [5, 'z'],
    ]);
  });

  it('drops a UTF-8 byte order mark and accepts LF, CRLF and CR line ends', () => {
    expect(cellsOf('\uFEFFStaff ID,First name\nE1,Siân\r\nE2,Tom\rE3,Ann')).toEqual([
      ['Staff ID', 'First name'],
      ['E1', 'Siân'],
      ['E2', 'Tom'],
      ['E3', 'Ann'],
    ]);
  });

  it('keeps empty cells, including a last empty one, and an empty quoted cell', () => {
    expect(cellsOf('a,,c,\n"",x,"",\n')).toEqual([
      ['a', '', 'c', ''],
      ['', 'x', '', ''],
    ]);
  });

  it('reads semicolon files as Excel writes them where the comma is the decimal point', () => {
    const text = 'Staff ID;Base latitude;Mon\r\nE1;53,82;"07:00-12:00; 17:00-21:00"\r\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(cellsOf(text)).toEqual([
      ['Staff ID', 'Base latitude', 'Mon'],
      ['E1', '53,82', '07:00-12:00; 17:00-21:00'],
    ]);
  });

  it('counts only separators outside quotes when telling commas from semicolons', () => {
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('Staff ID,Skills,Mon\n')).toBe(',');
    expect(detectDelimiter('Staff ID\n')).toBe(',');
  });

  it('keeps a quote inside an unquoted cell as written', () => {
    expect(cellsOf('a,5\'10" tall\n')).toEqual([['a', '5\'10" tall']]);
  });

  it('refuses a quote that is never closed, naming the row it starts on', () => {
    expect(parseCsv('a,b\nE1,"Bispham\nE2,x\n')).toEqual({
      ok: false,
      row: 2,
      message: expect.stringContaining('a quoted cell is never closed') as string,
    });
  });

  it('refuses text after a closing quote', () => {
    const parsed = parseCsv('a,b\n"E1"x,y\n');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.row).toBe(2);
    expect(!parsed.ok && parsed.message).toMatch(/text after its closing quote/);
  });

  it('reads nothing from an empty file', () => {
    expect(cellsOf('')).toEqual([]);
    expect(cellsOf('\uFEFF\r\n')).toEqual([]);
  });
});

describe('writeCsv', () => {
  it('quotes only cells that need it and doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(writeCsv([['a', 'b'], ['1', '2']])).toBe('a,b\r\n1,2\r\n');
  });

  // Any cells at all — commas, semicolons, quotes, CR, LF, BOMs in the middle, Welsh and emoji — come back
  // exactly as written. A record of nothing but empty cells is a blank spreadsheet row, which the reader skips.
  it('round-trips any records a CSV writer writes', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', ',', ';', '"', '\r', '\n', '\t', 'ŵ', 'â', '😀', '=', '\uFEFF', "'") }),
      fc.string(),
    );
    const record = fc.array(cell, { minLength: 1, maxLength: 8 }).filter((cells) => cells.some((c) => c !== ''));
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 12 }), (records) => {
        // A BOM at the very start of the file is taken as the byte order mark, as every reader does.
        fc.pre(!records[0]![0]!.startsWith('\uFEFF'));
        const parsed = parseCsv(writeCsv(records));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.delimiter).toBe(',');
        expect(parsed.records.map((r) => r.cells)).toEqual(records);
        expect(parsed.records.map((r) => r.row)).toEqual(records.map((_, i) => i + 1));
      }),
      { numRuns: 500, seed: 6_2026 },
    );
  });
});

describe('utf8Bytes', () => {
  it('counts bytes as UTF-8 stores them', () => {
    for (const text of ['', 'abc', 'Siân', 'ŵ', '😀', 'a\u0800b']) {
      expect(utf8Bytes(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
