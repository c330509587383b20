/**
 * Discuss: the working meeting's agenda for a period (menu "სამუშაო შეხვედრის დღის წესრიგი"), and
 * the overdue highlight of the actions tab, refreshed by the agenda, the publication and the daily job.
 */
import { agendaTitle, buildAgenda, overdueBackgrounds } from '../domain/agenda';
import type { Period } from '../domain/dates';
import { TABS } from '../domain/schema';
import { getTab } from '../adapters/tables';
import { writeBlocks } from '../adapters/doc-writer';
import { ensureDoc, ensureFolder } from '../adapters/drive-files';
import { workbook } from './context';
import { askPeriod, collectFirst, loadActions, loadKnownNames, loadPeriodData, periodKey, themeLabels, withScriptLock } from './feedback-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Staff working documents (agendas, the editable source of the public report): not shared. */
export const WORKING_FOLDER = { key: 'folder.working', name: 'უკუკავშირი — სამუშაო დოკუმენტები' };

/**
 * Colours overdue open actions in one setBackgrounds call over every data row of the tab, so a
 * row that is no longer overdue (done, or its date moved) loses the colour too.
 */
export function highlightOverdueActions(ss: Spreadsheet = workbook()): number {
  // Only status and due date matter here: no service lookup.
  const { table, rows } = loadActions(ss, []);
  const sheet = getTab(ss, TABS.actions);
  const height = sheet.getMaxRows() - 1;
  const width = table.header.length;
  if (height < 1 || width < 1) return 0;
  const all = rows.concat(new Array(Math.max(0, height - rows.length)).fill(null)).slice(0, height);
  const backgrounds = overdueBackgrounds(all, width, new Date());
  sheet.getRange(2, 1, height, width).setBackgrounds(backgrounds);
  return backgrounds.filter((row) => row[0] !== null).length;
}

export interface AgendaResult {
  docId: string;
  url: string;
  overdue: number;
  /** Georgian note when the collection before the build failed (the agenda was built anyway). */
  collectionProblem: string | null;
}

export function prepareMeeting(period: Period, ss: Spreadsheet = workbook()): AgendaResult {
  const collectionProblem = collectFirst();
  return withScriptLock(() => {
    const { settings, services, actions, themes, model } = loadPeriodData(ss, period, { internal: true, language: 'ka' });
    const blocks = buildAgenda({
      model,
      actions,
      municipality: settings.municipality,
      preparedAt: new Date(),
      themeLabels: themeLabels(themes),
      serviceNames: Object.fromEntries(services.map((s) => [s.code, s.ka])),
      knownNames: loadKnownNames(ss),
      minGroupSize: settings.minGroupSize,
    });
    const folder = ensureFolder(WORKING_FOLDER.key, WORKING_FOLDER.name);
    const { doc } = ensureDoc(`agendaDoc.${periodKey(period)}`, agendaTitle(period.label), folder);
    const docId = doc.getId();
    const url = doc.getUrl();
    writeBlocks(doc, blocks);
    const overdue = highlightOverdueActions(ss);
    return { docId, url, overdue, collectionProblem };
  });
}

export function prepareMeetingAction(): string {
  const answer = askPeriod('სამუშაო შეხვედრის დღის წესრიგი', 'რომელი პერიოდის შედეგები განვიხილოთ?');
  if (!answer.ok) return answer.cancelled ? 'დღის წესრიგის მომზადება გაუქმდა.' : `დღის წესრიგი არ მომზადდა. ${answer.error}`;
  const result = prepareMeeting(answer.period);
  return [
    `დღის წესრიგი მზადაა (${answer.period.label}): ${result.url}`,
    result.overdue > 0 ? `ვადაგადაცილებული ღონისძიებები: ${result.overdue} (მონიშნულია ჩანართში „${TABS.actions.name}“).` : '',
    `შეხვედრის გადაწყვეტილებები შეიტანეთ ჩანართში „${TABS.actions.name}“.`,
    result.collectionProblem ?? '',
  ]
    .filter(Boolean)
    .join('\n');
}
