import { z } from 'zod';

/** The most rows and bytes one carer import takes: a whole rota, not a whole county at once. */
export const MAX_IMPORT_ROWS = 5_000;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** POST /api/imports/carers/preview and POST /api/imports/carers: the file's text, as read on the tablet. */
export const CarerImportRequestSchema = z.object({ csv: z.string().min(1, 'must not be empty: choose a file or paste its text') }).strict();
export type CarerImportRequest = z.infer<typeof CarerImportRequestSchema>;

export const ImportActionSchema = z.enum(['add', 'update', 'unchanged']);
export type ImportAction = z.infer<typeof ImportActionSchema>;

/** One thing wrong with a row: the column it is in (null for the row as a whole) and a sentence naming row and column. */
export const ImportProblemSchema = z.object({ column: z.string().nullable(), message: z.string() }).strict();
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const CarerImportRowSchema = z
  .object({
    /** The row number a spreadsheet shows: the column names are row 1. */
    line: z.number().int().min(1),
    staffId: z.string(),
    firstName: z.string(),
    /** What importing would do, judged by Staff ID against the organisation's care workers. */
    action: ImportActionSchema,
    /** For an update: the columns whose values would change, by their template names. */
    changes: z.array(z.string()),
    errors: z.array(ImportProblemSchema),
  })
  .strict();
export type CarerImportRow = z.infer<typeof CarerImportRowSchema>;

/** What an import would do, saving nothing. */
export const CarerImportPreviewSchema = z
  .object({
    rows: z.array(CarerImportRowSchema),
    /** Problems with the file as a whole (too big, no Staff ID column): nothing can be imported until they are fixed. */
    fileErrors: z.array(z.string()),
    /** Columns Hearth does not use; their cells are left alone. */
    ignoredColumns: z.array(z.string()),
    counts: z
      .object({ add: z.number().int().min(0), update: z.number().int().min(0), unchanged: z.number().int().min(0), withErrors: z.number().int().min(0) })
      .strict(),
  })
  .strict();
export type CarerImportPreview = z.infer<typeof CarerImportPreviewSchema>;

/** What an import did, all in one transaction. */
export const CarerImportResultSchema = z
  .object({ added: z.number().int().min(0), updated: z.number().int().min(0), unchanged: z.number().int().min(0) })
  .strict();
export type CarerImportResult = z.infer<typeof CarerImportResultSchema>;

/** True when the preview shows nothing that stops the import. */
export function canImport(preview: CarerImportPreview): boolean {
  return preview.fileErrors.length === 0 && preview.counts.withErrors === 0 && preview.rows.length > 0;
}
