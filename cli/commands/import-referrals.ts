import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CSV_COLUMNS, type CsvColumn, type CsvMapping } from '../../shared/domain/referral-csv';
import { EXIT } from '../exit-codes';
import { withVault, type GlobalOptions } from '../runner';
import { UsageError } from '../secrets';

/**
 * `tenang import referrals FILE`: the same channel as the app's import screen. Every row
 * is checked first (with --dry-run, only that); one bad row and nothing is imported, and
 * each problem is printed by line and column (never the cell's content). Exit 0 with the
 * count imported, 2 with the problems.
 */
export function registerImportReferralsCommand(importCommand: Command, opts: () => GlobalOptions): void {
  importCommand
    .command('referrals')
    .description('import referrals from a CSV file (needs --user, an admin); one bad row and nothing is imported')
    .argument('<file>', 'the CSV file: UTF-8, comma or semicolon separated, header on line 1')
    .option('--dry-run', 'check every row, the vault included, and import nothing')
    .option('--map <column=header>', 'read a column from a header of another name, e.g. --map urgency=Prioritas (repeatable)', collect)
    .action(async (file: string, o: { dryRun?: boolean; map?: string[] }) => {
      const mapping = parseMapping(o.map ?? []);
      const csv = readCsvFile(file);
      await withVault(opts(), async (s) => {
        await s.signIn();
        const result = await s.call('referrals.import', { csv, dryRun: o.dryRun === true, ...(mapping ? { mapping } : {}) });
        if (result.outcome === 'imported') {
          s.print(result, () =>
            result.dryRun
              ? `${rowsText(result.imported)} checked: all valid. Nothing was imported (dry run).`
              : `Imported ${result.imported} ${result.imported === 1 ? 'referral' : 'referrals'}.`,
          );
          return;
        }
        s.print(result, () => {
          const lines = new Set(result.problems.map((p) => p.line)).size;
          return [
            `Nothing was imported: ${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'} on ${lines} ${lines === 1 ? 'line' : 'lines'} (${rowsText(result.rows)} in the file).`,
            ...result.problems.map((p) => `line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.code.replace(/_/g, ' ')}`),
          ].join('\n');
        });
        process.exitCode = EXIT.usage;
      });
    });
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function rowsText(n: number): string {
  return `${n} ${n === 1 ? 'row' : 'rows'}`;
}

/** `--map urgency=Prioritas` → { urgency: 'Prioritas' }; `--map email=` says the file has no email column. */
function parseMapping(pairs: string[]): CsvMapping | undefined {
  if (pairs.length === 0) return undefined;
  const mapping: CsvMapping = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const column = (at < 0 ? pair : pair.slice(0, at)).trim() as CsvColumn;
    if (at < 0 || !CSV_COLUMNS.includes(column)) {
      throw new UsageError(`--map takes COLUMN=HEADER, where COLUMN is one of: ${CSV_COLUMNS.join(', ')}.`);
    }
    mapping[column] = pair.slice(at + 1);
  }
  return mapping;
}

/** The file as text: UTF-8 (a BOM is dropped later); anything else is refused before signing in. */
function readCsvFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UsageError(`Cannot read ${file}.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file} is not UTF-8 text. Save the spreadsheet as "CSV UTF-8" and try again.`);
  }
}
