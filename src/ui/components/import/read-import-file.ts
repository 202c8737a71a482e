import { MAX_IMPORT_BYTES } from '../../../domain/csv/carer-import-api';

export type ReadFile = { ok: true; text: string } | { ok: false; problem: string };

/**
 * The chosen file's text, read as UTF-8 on the tablet (letters that are not UTF-8 come through as �,
 * which the import rules then name). Files over the import's limit are refused before reading.
 */
export function readImportFile(file: File): Promise<ReadFile> {
  if (file.size > MAX_IMPORT_BYTES) {
    const mb = (file.size / (1024 * 1024)).toFixed(1);
    return Promise.resolve({ ok: false, problem: `${file.name} is ${mb} MB; Hearth takes at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB at a time. Split it into smaller files.` });
  }
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ ok: true, text: typeof reader.result === 'string' ? reader.result : '' });
    reader.onerror = () => resolve({ ok: false, problem: `${file.name} could not be read. Choose it again.` });
    reader.readAsText(file, 'utf-8');
  });
}
