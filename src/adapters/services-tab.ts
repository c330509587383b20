/**
 * The services tab: the social services and subprograms staff keep, whether closing a case of
 * each sends the N2 invitation, and each one's prefilled N2 link (written by setup).
 */
import { escapeForSheet } from '../domain/sanitize';
import { TABS } from '../domain/schema';
import { parseServiceRows } from '../domain/settings';
import type { Service } from '../domain/types';
import { appendRows, cell, readTab, text, writeColumns } from './tables';

/** The services, and the N2 link of each service code. */
export function readServices(): { services: Service[]; links: Map<string, string> } {
  const table = readTab(TABS.services);
  return parseServiceRows(
    table.rows.map((r) => ({ code: cell(table, r, 'code'), ka: cell(table, r, 'ka'), invite: cell(table, r, 'invite'), n2Link: cell(table, r, 'n2Link') })),
  );
}

/** Fills an empty tab with the given services. */
export function seedServices(services: readonly Service[]): void {
  const table = readTab(TABS.services);
  if (table.rows.length === 0)
    appendRows(
      table,
      services.map((s) => [s.code, s.ka, s.invite, '']),
    );
}

/** Writes the N2 link of each service code given, in one write; rows of other codes are left alone. */
export function writeServiceLinks(links: ReadonlyMap<string, string>): void {
  const table = readTab(TABS.services);
  const changed: number[] = [];
  table.rows.forEach((row, i) => {
    const wanted = links.get(text(table, row, 'code'));
    if (wanted === undefined) return;
    const link = escapeForSheet(wanted);
    if (text(table, row, 'n2Link') !== link) {
      row[table.index.n2Link] = link;
      changed.push(i);
    }
  });
  writeColumns(table, ['n2Link'], changed);
}
