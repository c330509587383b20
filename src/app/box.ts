/**
 * Batches from the feedback box (issue 19): every opening of the box is logged (date, who, forms
 * found) and the paper forms typed in carry its number, so a form never typed, typed twice or
 * miscounted shows as a difference between found and typed; and a second person re-types a random
 * tenth of a batch, blind to the first entry, to measure transcription slips per question.
 */
import { compareEntries, differingQuestions, pickSample, tallyBatches, batchKey } from '../domain/box';
import { N1 } from '../domain/forms';
import { t } from '../domain/messages';
import { isBlankCell } from '../domain/sanitize';
import { TABS } from '../domain/schema';
import { readBoxLog, readCheckTab } from '../adapters/box-tabs';
import { readPaperEntry, type EntryTab } from '../adapters/entry-tabs';
import { withScriptLock } from '../adapters/lock';
import { prompt } from '../adapters/ui';

const ITEM_IDS = N1.items.map((item) => item.id);

/** A paper row holds a form: a date or an answer typed (the batch number alone is not a form). */
function holdsForm(cells: Record<string, unknown>): boolean {
  return ['receivedAt', ...ITEM_IDS].some((key) => !isBlankCell(cells[key]));
}

/**
 * Typed against found for every opening: written on the box tab, and the menu's lines — one per
 * mismatch, or one saying all match. Empty when no opening is logged.
 */
export function checkBoxBatches(paper: EntryTab | null = readPaperEntry()): string[] {
  const log = readBoxLog();
  if (!log || !paper) return [];
  const typed = paper.rows.filter((row) => holdsForm(row.cells)).map((row) => batchKey(row.cells.batch));
  const { tallies, unknown } = tallyBatches(log.openings, typed);
  log.recordTallies(tallies);
  const lines: string[] = [];
  for (const tally of tallies) if (tally.mismatch || tally.found === null) lines.push(t('box.summary_mismatch', { batch: tally.batch, status: tally.status }));
  for (const [batch, count] of unknown) lines.push(t('box.unknown_batch', { batch, count, tab: TABS.box.name }));
  if (lines.length === 0 && tallies.length > 0) lines.push(t('box.summary_ok', { count: tallies.length }));
  return lines;
}

/** The menu item: asks which opening, then makes its sample, or compares the re-typed sample. */
export function sampleCheckAction(): string {
  const answer = prompt(t('sample.title'), t('sample.ask'));
  if (answer === null) return t('sample.cancelled');
  return withScriptLock(() => sampleCheck(batchKey(answer), Math.random));
}

export function sampleCheck(batch: string, random: () => number): string {
  const paper = readPaperEntry();
  const check = readCheckTab();
  if (!paper || !check) throw new Error('the paper tab or the check tab is missing: run setup');
  const forms = paper.rows.filter((row) => batchKey(row.cells.batch) === batch && holdsForm(row.cells));
  if (batch === '' || forms.length === 0) return t('sample.no_batch', { batch });
  const sample = check.rows.filter((row) => row.batch === batch);
  if (sample.length === 0) {
    const picked = pickSample(
      forms.map((row) => row.sheetRow),
      random,
    );
    check.addSample(batch, picked, t('sample.row_waiting'));
    return t('sample.created', { batch, total: forms.length, count: picked.length, tab: TABS.paperCheck.name });
  }
  const retyped = sample.filter((row) => ITEM_IDS.some((id) => !isBlankCell(row.cells[id])));
  if (retyped.length < sample.length) return t('sample.waiting', { batch, typed: retyped.length, count: sample.length });
  const byRow = new Map(paper.rows.map((row) => [row.sheetRow, row.cells]));
  const pairs = sample.map((row) => ({ first: byRow.get(row.paperRow) ?? {}, second: row.cells, index: row.index }));
  check.recordStatuses(
    pairs.map((pair) => {
      const differ = differingQuestions(pair.first, pair.second, ITEM_IDS);
      return { index: pair.index, status: differ.length ? t('sample.row_differs', { questions: differ.map(questionLabel).join('; ') }) : t('sample.row_same') };
    }),
  );
  const lines = [t('sample.result', { batch, count: pairs.length })];
  for (const q of compareEntries(pairs, ITEM_IDS)) {
    if (q.compared === 0) continue;
    lines.push(
      t('sample.question', { question: questionLabel(q.id), differ: q.differ, compared: q.compared, rate: `${Math.round((100 * q.differ) / q.compared)}%` }),
    );
  }
  return lines.join('\n');
}

/** The question's number on the paper form and its first words. */
function questionLabel(id: string): string {
  const index = N1.items.findIndex((item) => item.id === id);
  const words = N1.items[index].ka.split(' ').slice(0, 4).join(' ');
  return `${index + 1}. ${words}…`;
}
