/**
 * Aggregates out, never rows: a municipality's figures of one period as a versioned JSON file for
 * the association's comparison (issue 18). Only what the public report may show goes in: the
 * report model built for the public (small groups already `{ suppressed: true }`, and the figures
 * the disclosure ledger withholds so that no output can be differenced against another), one entry
 * per group key as the ledger names it (overall, form:, driver:, service:, theme:). No text, no
 * comment, no row.
 */
import { periodKey } from './dates';
import type { ReportModel, Score } from './report-model';

export const AGGREGATES_FORMAT = 'ukukavshiri-aggregates';
/** Bumped when a field changes meaning; the national workbook reads the versions it knows. */
export const AGGREGATES_VERSION = 2;
// Version 1 pooled N1 and N2 into one 'overall' figure and keyed drivers and services without the form: not comparable.
export const READABLE_VERSIONS: readonly number[] = [AGGREGATES_VERSION];

export type AggregateGroup =
  | { key: string; suppressed: true }
  | {
      key: string;
      suppressed: false;
      /** People counted (the ledger's figure). */
      respondents: number;
      /** Valid 1–5 answers, and those of 4 or 5 (a driver counts each of its questions). */
      answers?: number;
      agree?: number;
      /** agree / answers; for a theme: absent (a count only). */
      share?: number | null;
      mean?: number | null;
    };

export interface AggregatesFile {
  format: typeof AGGREGATES_FORMAT;
  version: number;
  municipality: string;
  /** The profile id (municipalities/<id>.json) when the workbook was deployed from one. */
  municipalityId: string | null;
  period: { key: string; from: string; to: string; label: string };
  generatedAt: string;
  minGroupSize: number;
  groups: AggregateGroup[];
}

function group(key: string, score: Score): AggregateGroup {
  if (score.suppressed) return { key, suppressed: true };
  return { key, suppressed: false, respondents: score.respondents, answers: score.n, agree: score.agree, share: score.share, mean: score.mean };
}

/** The file of a period, from the public report model of that period. */
export function buildAggregates(
  model: ReportModel,
  meta: { municipality: string; municipalityId: string | null; minGroupSize: number; generatedAt: Date },
): AggregatesFile {
  // N1 and N2 ask different questions at different moments: no pooled figure, each form apart.
  const groups: AggregateGroup[] = [];
  for (const row of model.satisfaction.byForm) groups.push(group(`form:${row.form}`, row.score));
  for (const row of model.drivers) groups.push(group(`driver:${row.form}:${row.driver}`, row.score));
  for (const row of model.services) groups.push(group(`service:${row.form}:${row.code}`, row.score));
  for (const theme of model.problems.themes)
    groups.push(
      theme.suppressed ? { key: `theme:${theme.theme}`, suppressed: true } : { key: `theme:${theme.theme}`, suppressed: false, respondents: theme.count },
    );
  return {
    format: AGGREGATES_FORMAT,
    version: AGGREGATES_VERSION,
    municipality: meta.municipality,
    municipalityId: meta.municipalityId,
    period: { key: periodKey(model.period), from: model.period.from.toISOString(), to: model.period.to.toISOString(), label: model.period.label },
    generatedAt: meta.generatedAt.toISOString(),
    minGroupSize: meta.minGroupSize,
    groups,
  };
}

export type ReadAggregates = { ok: true; file: AggregatesFile } | { ok: false; reason: 'not_json' | 'not_aggregates' | 'version'; version?: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Reads a file another workbook exported: checks the format and the version, keeps the well-formed groups. */
export function readAggregates(text: string): ReadAggregates {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  if (!isRecord(raw) || raw.format !== AGGREGATES_FORMAT) return { ok: false, reason: 'not_aggregates' };
  if (typeof raw.version !== 'number' || !READABLE_VERSIONS.includes(raw.version)) return { ok: false, reason: 'version', version: raw.version };
  const period = isRecord(raw.period) ? raw.period : {};
  if (typeof raw.municipality !== 'string' || typeof period.key !== 'string' || !Array.isArray(raw.groups) || !count(raw.minGroupSize))
    return { ok: false, reason: 'not_aggregates' };
  const groups: AggregateGroup[] = [];
  for (const g of raw.groups) {
    if (!isRecord(g) || typeof g.key !== 'string') continue;
    if (g.suppressed === true) groups.push({ key: g.key, suppressed: true });
    // A published group below the file's own minimum is not a figure this code trusts.
    else if (count(g.respondents) && g.respondents >= (raw.minGroupSize as number))
      groups.push({
        key: g.key,
        suppressed: false,
        respondents: g.respondents,
        ...(count(g.answers) && count(g.agree) && g.agree <= g.answers
          ? { answers: g.answers, agree: g.agree, share: g.answers ? g.agree / g.answers : null }
          : {}),
        ...(typeof g.mean === 'number' ? { mean: g.mean } : {}),
      });
  }
  return {
    ok: true,
    file: {
      format: AGGREGATES_FORMAT,
      version: raw.version,
      municipality: raw.municipality,
      municipalityId: typeof raw.municipalityId === 'string' ? raw.municipalityId : null,
      period: { key: period.key, from: String(period.from ?? ''), to: String(period.to ?? ''), label: String(period.label ?? period.key) },
      generatedAt: String(raw.generatedAt ?? ''),
      minGroupSize: raw.minGroupSize as number,
      groups,
    },
  };
}

/** The Drive file id in what staff pasted: a bare id, a /d/ID/ or ?id=ID link; null when there is none. */
export function driveFileId(typed: string): string | null {
  const text = typed.trim();
  const match = /\/d\/([A-Za-z0-9_-]{10,})/.exec(text) ?? /[?&]id=([A-Za-z0-9_-]{10,})/.exec(text) ?? /^([A-Za-z0-9_-]{10,})$/.exec(text);
  return match ? match[1] : null;
}
