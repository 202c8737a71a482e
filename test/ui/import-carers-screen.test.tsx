import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/domain/csv/parse-csv';
import { makeWorld, renderApp } from '../support/render';

const HEADER = ['Staff ID', 'First name', 'Gender', 'Drives', 'Mon', 'Tue'];
const GOOD = writeCsv([HEADER, ['E1', 'Sam', 'man', 'yes', '07:00-12:00', ''], ['E2', 'Bethan', 'woman', 'no', '', '09:00-15:00'], ['E3', 'Grace', 'F', 'Y', '', '']]);
const BAD = writeCsv([HEADER, ['E1', 'Sam', 'man', 'yes', '7-12', ''], ['E2', 'Bethan', 'woman', 'no', '', ''], ['E2', 'Tom', 'x', 'no', '', '']]);

async function openImport() {
  const world = await makeWorld();
  const app = renderApp(world, '/care-workers/import');
  await screen.findByRole('heading', { level: 1, name: 'Import care workers' });
  return { world, ...app };
}

/** The WCAG 2.2 A and AA rules axe-core can judge without layout (jsdom has none, so no colour contrast). */
async function axeViolations(root: HTMLElement) {
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const table = () => screen.getByRole('table', { name: /care workers in the file/i });
const rowOf = (line: number) => within(table()).getByRole('rowheader', { name: String(line) }).closest('tr')!;

describe('importing care workers', () => {
  it('shows each row’s problems on the row and first in a summary, and offers no import while any remain', async () => {
    const { world, user } = await openImport();
    await user.click(screen.getByRole('textbox', { name: 'Or paste the file’s text' }));
    await user.paste(BAD);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'What the import will do' })).toHaveFocus();
    expect(screen.getByText('3 care workers in the file: 3 to add, 0 to update, 0 unchanged.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: /3 rows have problems: nothing can be imported until they are fixed/ })).toBeInTheDocument();
    expect(table()).toHaveAccessibleName('Care workers in the file (3 rows)');
    expect(within(table()).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Row', 'Staff ID', 'First name', 'What will happen', 'Problems']);

    expect(within(rowOf(2)).getByText("Row 2, Mon: '7-12' is not a time window; write it like 07:00-12:00.")).toBeInTheDocument();
    expect(within(rowOf(2)).getByText('Problem:')).toBeInTheDocument();
    expect(within(rowOf(3)).getByText("Row 3, Staff ID: 'E2' is also on row 4; each care worker can be in the file once.")).toBeInTheDocument();
    expect(within(rowOf(4)).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      "Problem: Row 4, Gender: 'x' is not a gender Hearth records; write woman, man or non-binary (or F or M).",
      "Problem: Row 4, Staff ID: 'E2' is also on row 3; each care worker can be in the file once.",
    ]);
    expect(within(rowOf(4)).getByRole('cell', { name: 'Tom' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^import/i })).not.toBeInTheDocument();

    // The summary's links take focus to the row.
    await user.click(screen.getByRole('link', { name: "Row 4, Gender: 'x' is not a gender Hearth records; write woman, man or non-binary (or F or M)." }));
    expect(within(table()).getByRole('rowheader', { name: '4' })).toHaveFocus();

    expect(await axeViolations(document.body)).toEqual([]);
    // A text box keeps line breaks as LF, which the office reads the same as CRLF.
    expect(world.office.carerImportPreviews).toEqual([BAD.replaceAll('\r\n', '\n')]);
    expect(world.office.carerImports).toEqual([]);
  });

  it('cancel forgets the file and saves nothing', async () => {
    const { world, user } = await openImport();
    await user.upload(screen.getByLabelText('CSV file'), new File([GOOD], 'rota.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByRole('button', { name: 'Import 3 care workers' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^import/i })).not.toBeInTheDocument();
    expect(screen.getByText('Cancelled: nothing was saved.')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('heading', { level: 2, name: 'Choose the file' })).toHaveFocus();
    expect((screen.getByLabelText('CSV file') as HTMLInputElement).files).toHaveLength(0);
    expect(world.office.carerImportPreviews).toHaveLength(1);
    expect(world.office.carerImports).toEqual([]);
    expect(world.office.carersByStaffId).toEqual([]);
  });

  it('imports a clean file, the text that was checked, and says what it did', async () => {
    const { world, user } = await openImport();
    await user.upload(screen.getByLabelText('CSV file'), new File([GOOD], 'rota.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    await screen.findByRole('table');
    expect(within(rowOf(2)).getByRole('cell', { name: 'Add as a new care worker' })).toBeInTheDocument();
    expect(within(rowOf(2)).getByRole('cell', { name: 'None' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 3, name: /problems/ })).not.toBeInTheDocument();
    expect(await axeViolations(document.body)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Import 3 care workers' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Import finished' })).toHaveFocus();
    expect(screen.getByText('3 care workers added, 0 care workers updated, 0 unchanged.')).toBeInTheDocument();
    expect(screen.getByText(/not shown to anyone yet/)).toBeInTheDocument();
    expect(world.office.carerImports).toEqual([GOOD]);
    expect(world.office.carersByStaffId.map((c) => [c.staffId, c.facts.firstName, c.facts.gender])).toEqual([
      ['E1', 'Sam', 'man'],
      ['E2', 'Bethan', 'woman'],
      ['E3', 'Grace', 'woman'],
    ]);

    // The same rota again, with Bethan's Tuesday changed: one update, two unchanged.
    await user.click(screen.getByRole('button', { name: 'Import another file' }));
    await user.click(screen.getByRole('textbox', { name: 'Or paste the file’s text' }));
    await user.paste(GOOD.replace('09:00-15:00', '10:00-15:00'));
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByText('3 care workers in the file: 0 to add, 1 to update, 2 unchanged.')).toBeInTheDocument();
    expect(within(rowOf(3)).getByRole('cell', { name: 'Update: Availability' })).toBeInTheDocument();
    expect(within(rowOf(2)).getByRole('cell', { name: 'No change' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import 1 care worker' })).toBeInTheDocument();
  });

  it('shows problems with the file as a whole, and what it ignores', async () => {
    const { world, user } = await openImport();
    await user.click(screen.getByRole('textbox', { name: 'Or paste the file’s text' }));
    await user.paste('Name,Payroll group\r\nSam,North\r\n');
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Hearth cannot read this file' })).toBeInTheDocument();
    expect(screen.getByText('The file has no Staff ID column. The first row must name the columns, as in the template.')).toBeInTheDocument();
    expect(screen.getByText('Hearth does not use these columns and leaves them alone: Name, Payroll group.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^import/i })).not.toBeInTheDocument();
    expect(world.office.carerImports).toEqual([]);
  });

  it('asks for a file before checking, and refuses one too large without sending it', async () => {
    const { world, user } = await openImport();
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(screen.getByLabelText('CSV file')).toHaveAccessibleDescription('Choose a CSV file, or paste its text, then check it.');
    expect(screen.getByLabelText('CSV file')).toHaveFocus();

    const big = new File(['x'.repeat(2 * 1024 * 1024 + 1)], 'everyone.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('CSV file'), big);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByText('everyone.csv is 2.0 MB; Hearth takes at most 2 MB at a time. Split it into smaller files.')).toBeInTheDocument();
    expect(world.office.carerImportPreviews).toEqual([]);
  });

  it('says so when the office cannot be reached, keeping the file chosen', async () => {
    const { world, user } = await openImport();
    world.office.online = false;
    await user.upload(screen.getByLabelText('CSV file'), new File([GOOD], 'rota.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Importing needs a connection to the office/);
    expect((screen.getByLabelText('CSV file') as HTMLInputElement).files).toHaveLength(1);

    world.office.online = true;
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByRole('button', { name: 'Import 3 care workers' })).toBeInTheDocument();
  });
});
