/**
 * Discuss: the working meeting's agenda for a period (a menu item), and the overdue highlight of
 * the actions tab, refreshed by the agenda, the publication and the daily job.
 */
import { agendaTitle, buildAgenda, overdueBackgrounds } from '../domain/agenda';
import { periodKey, type Period } from '../domain/dates';
import { t } from '../domain/messages';
import { TABS } from '../domain/schema';
import { themeLabels } from '../domain/themes';
import { paintActionRows, showActionChecks } from '../adapters/actions-tab';
import { readThemes } from '../adapters/themes-tab';
import { readApplicantNames } from '../adapters/applications-tab';
import { openFolder, type FolderPlace } from '../adapters/documents';
import { withScriptLock } from '../adapters/lock';
import { collectFirst } from './collect';
import { loadPeriodData, recordOutput } from './period-data';
import { askPeriod } from './ui';

/** Staff working documents (agendas, the editable source of the public report): not shared. */
export const WORKING_FOLDER: FolderPlace = { key: 'folder.working', name: t('folder.working') };

/** Colours the overdue open actions of the actions tab and writes each row's check; how many are overdue. */
export function highlightOverdueActions(): number {
  showActionChecks(readThemes());
  return paintActionRows((rows, width) => overdueBackgrounds(rows, width, new Date()));
}

export interface AgendaResult {
  docId: string;
  url: string;
  overdue: number;
  /** Georgian note when the collection before the build failed (the agenda was built anyway). */
  collectionProblem: string | null;
  /** Figures withheld because earlier outputs would difference them. */
  withheld: number;
  minGroupSize: number;
}

export function prepareMeeting(period: Period): AgendaResult {
  const collectionProblem = collectFirst();
  return withScriptLock(() => {
    const data = loadPeriodData(period, { internal: true, language: 'ka' });
    const { settings, services, actions, themes, model } = data;
    const blocks = buildAgenda({
      model,
      actions,
      municipality: settings.municipality,
      preparedAt: new Date(),
      themeLabels: themeLabels(themes),
      serviceNames: Object.fromEntries(services.map((s) => [s.code, s.ka])),
      knownNames: readApplicantNames(),
      minGroupSize: settings.minGroupSize,
    });
    const doc = openFolder(WORKING_FOLDER).doc(`agendaDoc.${periodKey(period)}`, agendaTitle(period.label));
    doc.write(blocks);
    recordOutput(data, `agenda ${periodKey(period)}`);
    const overdue = highlightOverdueActions();
    return { docId: doc.id, url: doc.url, overdue, collectionProblem, withheld: model.withheldByEarlierOutputs, minGroupSize: settings.minGroupSize };
  });
}

export function prepareMeetingAction(): string {
  const answer = askPeriod('menu.prepare_meeting', 'agenda.question');
  if (!answer.ok) return answer.cancelled ? t('agenda.cancelled') : t('agenda.not_built', { error: answer.error });
  const result = prepareMeeting(answer.period);
  return [
    t('agenda.ready', { period: answer.period.label, url: result.url }),
    result.overdue > 0 ? t('agenda.overdue', { count: result.overdue, tab: TABS.actions.name }) : '',
    t('agenda.record_decisions', { tab: TABS.actions.name }),
    result.withheld > 0 ? t('disclosure.withheld', { count: result.withheld, min: result.minGroupSize }) : '',
    result.collectionProblem ?? '',
  ]
    .filter(Boolean)
    .join('\n');
}
