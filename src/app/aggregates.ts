/**
 * Aggregates out (a menu item): the period's public figures as a versioned JSON file in the public
 * folder, for the association's comparison. Built from the same public report model as the public
 * report, under the disclosure ledger: the file's figures are recorded there like any output, so
 * neither the file nor a later report can be differenced against the other. One file per period,
 * replaced in place when exported again (same id, same link: the association's list keeps working).
 */
import { periodKey, type Period } from '../domain/dates';
import { buildAggregates } from '../domain/aggregates';
import { t } from '../domain/messages';
import { openFolder } from '../adapters/documents';
import { withScriptLock } from '../adapters/lock';
import { deployedProfile } from '../adapters/municipality-profile';
import { collectFirst } from './collect';
import { loadPeriodData, recordOutput } from './period-data';
import { PUBLIC_FOLDER } from './publish';
import { askPeriod } from './ui';

export interface AggregatesResult {
  fileId: string;
  folderUrl: string;
  shared: boolean;
  groups: number;
  suppressed: number;
  withheld: number;
  minGroupSize: number;
  collectionProblem: string | null;
}

export function exportAggregates(period: Period): AggregatesResult {
  const collectionProblem = collectFirst();
  return withScriptLock(() => {
    const data = loadPeriodData(period, { internal: false, language: 'ka' });
    const file = buildAggregates(data.model, {
      municipality: data.settings.municipality,
      municipalityId: deployedProfile()?.id ?? null,
      minGroupSize: data.settings.minGroupSize,
      generatedAt: new Date(),
    });
    const key = periodKey(period);
    const folder = openFolder(PUBLIC_FOLDER);
    const shared = folder.shareByLink();
    const fileId = folder.saveText(`aggregates.${key}`, t('file.aggregates', { period: key }), JSON.stringify(file, null, 2), 'application/json');
    recordOutput(data, `aggregates ${key}`);
    return {
      fileId,
      folderUrl: folder.url(),
      shared,
      groups: file.groups.length,
      suppressed: file.groups.filter((g) => g.suppressed).length,
      withheld: data.model.withheldByEarlierOutputs,
      minGroupSize: data.settings.minGroupSize,
      collectionProblem,
    };
  });
}

export function exportAggregatesAction(): string {
  const answer = askPeriod('menu.export_aggregates', 'aggregates.question');
  if (!answer.ok) return answer.cancelled ? t('aggregates.cancelled') : t('aggregates.not_exported', { error: answer.error });
  const result = exportAggregates(answer.period);
  return [
    t('aggregates.done', { period: answer.period.label, groups: result.groups, suppressed: result.suppressed, min: result.minGroupSize }),
    t('aggregates.file', { id: result.fileId, url: result.folderUrl }),
    ...(result.shared ? [] : [t('publish.not_shared')]),
    ...(result.withheld > 0 ? [t('disclosure.withheld', { count: result.withheld, min: result.minGroupSize })] : []),
    ...(result.collectionProblem ? [result.collectionProblem] : []),
  ].join('\n');
}
