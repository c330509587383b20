/**
 * The invitations log tab (protected; only the script writes it), one row per case: the ledger
 * the send protocol keeps (domain/invitations.ts), and the count of invitations the report reads.
 */
import type { Period } from '../domain/dates';
import { isDate, startOfDay } from '../domain/dates';
import { LOG_STATE_KA, caseKey, decodeNote, encodeNote, inviteChannelLabel, parseInviteChannel, parseLogState, type LogRecord } from '../domain/invitation-log';
import type { Ledger } from '../domain/invitations';
import { countInvitationsByService, countInvitationsSent } from '../domain/report-inputs';
import { resolveService } from '../domain/services';
import type { Service } from '../domain/types';
import { escapeForSheet } from '../domain/sanitize';
import { TABS } from '../domain/schema';
import { serviceName } from '../domain/feedback-row';
import { DEFAULT_SERVICES } from '../domain/services';
import { cell, readTab, rowFromKeys, text, writeColumns } from './tables';

/** Rows added below the tab's end at a time, so that a run of many sends grows it rarely. */
const GROWTH = 100;
/**
 * A setValues call costs about as much as writing 75 rows of this tab's 5 cells
 * (emulator/costs.ts: ~50 ms a call, 0.133 ms a cell written).
 */
const SPLIT_GAP = 75;

/**
 * The log as a ledger: its records by case key (the first row of a case wins; a row this code
 * cannot read is kept as it is), and one write of every changed row per flush.
 */
export function openInvitationLog(services: readonly Service[] = DEFAULT_SERVICES): Ledger {
  const table = readTab(TABS.invitations);
  const vocabulary = { services, themes: [] };
  const records = new Map<string, LogRecord>();
  const rowOf = new Map<string, number>();
  /** The record each sheet row holds (null: a row this code cannot read, kept as it is). */
  const byRow: Array<LogRecord | null> = table.rows.map((row, i) => {
    const key = caseKey(text(table, row, 'caseId'));
    const state = parseLogState(text(table, row, 'status'));
    if (key === '' || !state || records.has(key)) return null;
    const at = cell(table, row, 'at');
    const { note, ref } = decodeNote(text(table, row, 'note'));
    const record: LogRecord = {
      caseId: text(table, row, 'caseId'),
      service: text(table, row, 'service'),
      state,
      at: isDate(at) ? new Date(at.getTime()) : null,
      note,
      ref,
      channel: parseInviteChannel(text(table, row, 'channel')),
    };
    records.set(key, record);
    rowOf.set(key, i);
    return record;
  });
  const changed = new Set<number>();
  let maxRows: number | null = null;

  const render = (record: LogRecord): unknown[] =>
    rowFromKeys(table, {
      caseId: escapeForSheet(record.caseId),
      service: escapeForSheet(record.service),
      serviceName: escapeForSheet(serviceName(record.service, vocabulary)),
      status: LOG_STATE_KA[record.state],
      // The day only: the log is readable by every editor, and a time would tie a case to an answer.
      at: record.at ? startOfDay(record.at) : '',
      note: escapeForSheet(encodeNote(record.note, record.ref)),
      channel: inviteChannelLabel(record.channel ?? 'email'),
    });

  const write = (): void => {
    if (changed.size === 0) return;
    const indexes = [...changed].sort((a, b) => a - b);
    const width = table.header.length;
    if (maxRows === null) maxRows = table.sheet.getMaxRows();
    const last = indexes[indexes.length - 1];
    if (last + 2 > maxRows) {
      table.sheet.insertRowsAfter(maxRows, last + 2 - maxRows + GROWTH);
      maxRows = last + 2 + GROWTH;
    }
    // Rows far apart (the batch sends in random order) are written as separate blocks: rewriting
    // the rows between costs more than a second call beyond about SPLIT_GAP rows.
    const runs: Array<[number, number]> = [];
    for (const i of indexes) {
      const run = runs[runs.length - 1];
      if (run && i - run[1] <= SPLIT_GAP) run[1] = i;
      else runs.push([i, i]);
    }
    for (const [first, end] of runs) {
      const block: unknown[][] = [];
      for (let i = first; i <= end; i++) {
        const record = byRow[i];
        const line = record ? render(record) : table.rows[i].map((v) => (typeof v === 'string' ? escapeForSheet(v) : v));
        block.push(Array.from({ length: width }, (_, j) => (line[j] === undefined || line[j] === null ? '' : line[j])));
      }
      table.sheet.getRange(first + 2, 1, block.length, width).setValues(block);
    }
    changed.clear();
  };

  return {
    records,
    put(record: LogRecord): void {
      const key = caseKey(record.caseId);
      const existing = records.get(key);
      if (existing && sameRecord(existing, record)) return;
      // A status that did not change keeps the time it was first recorded.
      const kept: LogRecord = existing && existing.state === record.state && existing.note === record.note ? { ...record, at: existing.at } : record;
      records.set(key, kept);
      let index = rowOf.get(key);
      if (index === undefined) {
        index = table.rows.length;
        table.rows.push([]);
        byRow.push(kept);
        rowOf.set(key, index);
      } else {
        byRow[index] = kept;
      }
      changed.add(index);
    },
    flush: () => withRetry(write),
  };
}

/**
 * Setup: every row shows its service's Georgian name beside the code (a log written before the
 * names, or a service renamed since). One read; one write, none when nothing changed.
 */
export function refreshInvitationServiceNames(services: readonly Service[]): number {
  const table = readTab(TABS.invitations);
  if (table.index.serviceName < 0 || table.index.service < 0) return 0;
  const vocabulary = { services, themes: [] };
  const changed: number[] = [];
  table.rows.forEach((row, i) => {
    const code = text(table, row, 'service');
    const name = code === '' ? '' : escapeForSheet(serviceName(code, vocabulary));
    if (escapeForSheet(text(table, row, 'serviceName')) === name) return;
    row[table.index.serviceName] = name;
    changed.push(i);
  });
  writeColumns(table, ['serviceName'], changed);
  return changed.length;
}

/** N2 invitations sent in the period, by the log (the report's response rate). */
export function invitationsSentIn(period: Pick<Period, 'from' | 'to'>): number {
  const table = readTab(TABS.invitations);
  return countInvitationsSent(
    table.rows.map((row) => ({ status: cell(table, row, 'status'), at: cell(table, row, 'at') })),
    period,
  );
}

/** N2 invitations sent in the period by service code (coverage per service); services typed by name become codes. */
export function invitationsByServiceIn(period: Pick<Period, 'from' | 'to'>, services: readonly Service[]): Record<string, number> {
  const table = readTab(TABS.invitations);
  return countInvitationsByService(
    table.rows.map((row) => ({ status: cell(table, row, 'status'), at: cell(table, row, 'at'), service: cell(table, row, 'service') })),
    period,
    (typed) => resolveService(typed, services)?.code ?? typed,
  );
}

/** Invitations sent in the period by channel (email, sms …), by the log; a blank channel is email. */
export function invitationsSentByChannel(period: Pick<Period, 'from' | 'to'>): Record<string, number> {
  const table = readTab(TABS.invitations);
  const byChannel = new Map<string, Array<{ status: unknown; at: unknown }>>();
  for (const row of table.rows) {
    const channel = parseInviteChannel(text(table, row, 'channel'));
    const rows = byChannel.get(channel) ?? [];
    rows.push({ status: cell(table, row, 'status'), at: cell(table, row, 'at') });
    byChannel.set(channel, rows);
  }
  const counts: Record<string, number> = {};
  for (const [channel, rows] of byChannel) counts[channel] = countInvitationsSent(rows, period);
  return counts;
}

function sameRecord(a: LogRecord, b: LogRecord): boolean {
  return (
    a.state === b.state &&
    a.note === b.note &&
    a.service === b.service &&
    a.caseId === b.caseId &&
    (a.ref ?? '') === (b.ref ?? '') &&
    (a.channel ?? 'email') === (b.channel ?? 'email')
  );
}

/**
 * Retries a write that Google failed transiently ("Service Spreadsheets timed out …"), so that
 * what was sent gets recorded; an execution that is being killed fails every try and stops here.
 */
function withRetry(write: () => void, tries = 3): void {
  for (let attempt = 1; ; attempt++) {
    try {
      write();
      return;
    } catch (err) {
      if (attempt >= tries) throw err;
      console.warn(`write failed (attempt ${attempt}), retrying: ${String((err as Error)?.message ?? err)}`);
    }
  }
}
