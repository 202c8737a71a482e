/**
 * CSV as spreadsheets and rostering systems write it (RFC 4180): fields separated by commas (or by
 * semicolons, as Excel writes them where the comma is the decimal point), records by CRLF, LF or CR,
 * and quoted fields that may hold the separator, doubled quotes and line breaks. A UTF-8 byte order
 * mark at the start is dropped.
 */

export type CsvDelimiter = ',' | ';';

export interface CsvRecord {
  /** The row number a spreadsheet shows for it: the first record is row 1, whatever line breaks sit inside quotes. */
  row: number;
  cells: string[];
}

export type CsvParseResult =
  | { ok: true; delimiter: CsvDelimiter; records: CsvRecord[] }
  | { ok: false; row: number; message: string };

const BOM = '\uFEFF';

/**
 * Reads every record, leaving out rows whose cells are all empty (spreadsheets save trailing ",,,"
 * rows); their row numbers are still counted, so later rows keep the numbers the spreadsheet shows.
 */
export function parseCsv(input: string, options: { delimiter?: CsvDelimiter } = {}): CsvParseResult {
  const text = input.startsWith(BOM) ? input.slice(BOM.length) : input;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  let row = 1;
  let cells: string[] = [];
  let cell = '';
  let i = 0;
  // Whether anything (even an empty quoted field) has been read for the current record.
  let started = false;

  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c !== '')) records.push({ row, cells });
    row += 1;
    cells = [];
    cell = '';
    started = false;
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && cell === '') {
      const startRow = row;
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= text.length) {
          return { ok: false, row: startRow, message: 'a quoted cell is never closed: a " is missing, so the rest of the file would be one cell' };
        }
        const c = text[j]!;
        if (c === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          j += 1;
          break;
        }
        value += c;
        j += 1;
      }
      const next = text[j];
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        return { ok: false, row: startRow, message: `a quoted cell has text after its closing quote ("${value}"${next}…); put the whole cell in quotes and double any " inside it` };
      }
      cell = value;
      started = true;
      i = j;
      continue;
    }
    if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      started = true;
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    // A quote inside an unquoted cell (5'10" tall) is kept as written, as spreadsheets do.
    cell += ch;
    started = true;
    i += 1;
  }
  if (started || cell !== '') endRecord();
  return { ok: true, delimiter, records };
}

/** Semicolons when the first record has more of them than commas (outside quotes), else commas. */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas += 1;
    else if (!quoted && ch === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * One cell as CSV: quoted when it holds a comma, a semicolon (so the file reads the same in either
 * convention), a quote, a line break or space at either end; quotes inside are doubled.
 */
export function csvCell(value: string): string {
  return /[",;\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Records as CSV text with CRLF line ends (RFC 4180), ending with a line break. */
export function writeCsv(records: readonly (readonly string[])[]): string {
  return records.map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
}

/** The size of `text` in UTF-8, in bytes, without building the bytes. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
