/**
 * Issue 16, item 6: every tab a person looks at shows Georgian — headers and values — while the
 * machine keeps its codes in hidden columns and finds columns through the labels. Checked on the
 * sample quarter replayed through the BUILT bundle (run `npm run build` first; npm test does), on
 * a workbook of the previous version (English headers, codes) brought up to date by setup, and on
 * a staff correction typed as a theme's Georgian label.
 */
import { playScenario } from '../../replay/player';
import { sampleScenario } from '../../replay/sample';
import { feedbackJson } from '../../replay/feedback-json';
import { FEEDBACK_HEADERS, feedbackColumnKey, recordToRow } from '../../src/domain/feedback-row';
import { feedbackItemColumns } from '../../src/domain/forms';
import { LOG_STATE_KA } from '../../src/domain/invitation-log';
import { t } from '../../src/domain/messages';
import { feedbackRecords } from '../../src/domain/report-inputs';
import { TABS, columnsOf, paperColumns, type TabKey } from '../../src/domain/schema';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { DEFAULT_THEMES } from '../../src/domain/themes';
import { CHANNELS, type FeedbackRecord } from '../../src/domain/types';
import { POLARITIES } from '../../src/domain/theme-rules';
import type { SpreadsheetSnapshot } from '../../emulator';
import { setUpWorkbook, type Fixture } from '../support/workbook';
import { columnLetter, tabSnapshot, tabValues, typeOther, typePaper } from '../support/tabs';

const SETUP = t('menu.setup');
const COLLECT = t('menu.collect_now');

type Tab = SpreadsheetSnapshot['tabs'][number];

/** Latin words a Georgian header may carry: the annexes' names and the abbreviation "ID". */
const HEADER_WORDS = new Set(['N1', 'N2', 'ID', 'SMS']);

/**
 * Columns whose values may hold Latin letters, and why. Everything else a person reads must be
 * Georgian (or a number, a date, a checkbox).
 */
const FREE: Partial<Record<TabKey, Record<string, string>>> = {
  applications: { caseId: 'the case number staff type', applicant: 'a name as typed', email: 'an address' },
  // A one-way digest of the address and service ("[ref:…]"): an opaque mark, no word.
  invitations: { caseId: 'the case number', note: 'the digest a renumbered case is recognised by' },
  // The owner's tab: the key column is how the self-check, the README and the profile name a setting.
  settings: { key: 'the setting’s reference name', value: 'addresses, names typed by the owner' },
  // The code the owner gives a new service or theme; its Georgian name stands beside it.
  services: { code: 'the service’s identifier', n2Link: 'a URL' },
  themes: { id: 'the theme’s identifier', keywords: 'stems, also of Georgian typed in Latin letters' },
  otherChannels: { text: 'what people wrote', feedbackId: 'the record id' },
  paper: { 'n1.improve': 'what people wrote', feedbackId: 'the record id' },
  feedback: {
    id: 'the record id',
    text: 'what people wrote',
    'n1.improve': 'what people wrote',
    'n2.problem_text': 'what people wrote',
    'n2.liked': 'what people wrote',
    'n2.improve': 'what people wrote',
  },
  actions: { problem: 'staff’s words', decision: 'staff’s words', owner: 'a name', publicWording: 'staff’s words' },
  box: { openedBy: 'a name' },
};

/** The key of a header in a product tab. */
function keyOf(tab: TabKey, header: string): string {
  if (tab === 'feedback') return feedbackColumnKey(header);
  return columnsOf(tab).find((c) => c.header === header)?.key ?? header;
}

function productTab(name: string): TabKey | undefined {
  return (Object.keys(TABS) as TabKey[]).find((key) => TABS[key].name === name);
}

/** Codes the machine uses, which a person must never have to read. */
function machineCodes(services: readonly string[], themes: readonly string[]): Set<string> {
  const choices = ['yes', 'no', 'true', 'false', 'quarterly', 'monthly', 'ka', 'en', 'municipal', 'national', 'sent', 'queued'];
  return new Set([...CHANNELS, ...POLARITIES, 'other', ...services, ...themes, ...choices]);
}

const GEORGIAN = /[\u10D0-\u10FF\u1C90-\u1CBF]/;
/** Values with no Georgian that may stand in a Georgian column: the annexes' names. */
const LATIN_ALLOWED = new Set(['N1', 'N2', 'SMS']);

/**
 * What a person sees that is not Georgian: a Latin word in a header; in a value column, a value
 * with no Georgian at all (an English word, a code) or a part of a list that is a machine code.
 * Georgian sentences may name Google, QR or a time zone; free-text columns are listed in FREE.
 */
function englishShown(tab: Tab, codes: Set<string>): string[] {
  const key = productTab(tab.name);
  const found: string[] = [];
  const [header = [], ...rows] = tab.values;
  header.forEach((h, i) => {
    if (tab.hiddenColumns.includes(i + 1)) return;
    const words = String(h).match(/[A-Za-z][A-Za-z0-9_.]*/g) ?? [];
    for (const word of words) if (!HEADER_WORDS.has(word)) found.push(`${tab.name} header "${String(h)}"`);
    const column = key ? keyOf(key, String(h)) : String(h);
    if (key && FREE[key]?.[column]) return;
    const shown = new Set(
      rows
        .map((row) => row[i])
        .filter((v): v is string => typeof v === 'string' && /[A-Za-z]/.test(v))
        .filter((v) => (!GEORGIAN.test(v) && !LATIN_ALLOWED.has(v.trim())) || v.split(/[,;\n]/).some((part) => codes.has(part.trim()))),
    );
    for (const value of shown) found.push(`${tab.name} / ${String(h)}: "${value.slice(0, 60)}"`);
  });
  return found;
}

describe('the sample quarter: every tab staff look at', () => {
  let tabs: Tab[];
  let services: Array<{ code: string; ka: string }>;
  beforeAll(() => {
    const result = playScenario(sampleScenario());
    tabs = result.ws.spreadsheets.snapshot(result.spreadsheetId).tabs;
    services = tabs
      .find((tab) => tab.name === TABS.services.name)!
      .values.slice(1)
      .map((row) => ({ code: String(row[0]), ka: String(row[1]) }));
  });

  test('shows Georgian headers and values; codes only in hidden columns and the allowed columns', () => {
    // Google's raw response tabs are Google's (their "Timestamp" header is Google's own), and
    // hidden tabs (the disclosure ledger) are the machine's.
    const looked = tabs.filter((tab) => !tab.hidden && !/— პასუხები/.test(tab.name));
    expect(looked.map((tab) => tab.name)).toEqual(expect.arrayContaining([TABS.feedback.name, TABS.invitations.name, TABS.paper.name, TABS.settings.name]));
    const codes = machineCodes(
      services.map((s) => s.code),
      DEFAULT_THEMES.map((th) => th.id),
    );
    expect(looked.flatMap((tab) => englishShown(tab, codes))).toEqual([]);
    // The check is not blind: the tabs as the previous version showed them fail it.
    const feedback = looked.find((tab) => tab.name === TABS.feedback.name)!;
    const old: Tab = { ...feedback, hiddenColumns: [], values: [OLD_FEEDBACK, ...feedbackRecords(feedback.values).map(oldRow)] };
    expect(englishShown(old, codes).length).toBeGreaterThan(OLD_FEEDBACK.length);
  });

  test('the machine’s codes are still there, hidden: the feedback tab reads back as codes', () => {
    const feedback = tabs.find((tab) => tab.name === TABS.feedback.name)!;
    const header = feedback.values[0].map(String);
    const hidden = feedback.hiddenColumns.map((c) => feedbackColumnKey(header[c - 1]));
    expect(hidden.sort()).toEqual(['praise_themes', 'service', 'themes']);
    const records = feedbackRecords(feedback.values);
    expect(records.length).toBeGreaterThan(100);
    expect(new Set(records.map((r) => r.channel))).toEqual(
      new Set(['paper', 'kiosk', 'email_link', 'phone', 'social', 'website', 'letter'].filter((c) => records.some((r) => r.channel === c))),
    );
    for (const record of records) {
      expect(CHANNELS).toContain(record.channel);
      expect(record.service === 'unknown' || services.some((s) => s.code === record.service) || record.service === '').toBe(true);
      for (const theme of record.themes) expect(DEFAULT_THEMES.map((th) => th.id)).toContain(theme);
    }
    // The visible columns name what the hidden ones code.
    const col = (key: string): number => header.findIndex((h) => feedbackColumnKey(h) === key);
    const withTheme = feedback.values.slice(1).find((row) => String(row[col('themes')]).includes('queue'))!;
    expect(String(withTheme[col('theme_names')])).toContain(DEFAULT_THEMES.find((th) => th.id === 'queue')!.ka);
  });

  test('the settings values are Georgian words; the invitations log names each service', () => {
    const settings = tabs.find((tab) => tab.name === TABS.settings.name)!.values;
    const value = (key: string): unknown => settings.find((row) => row[0] === key)?.[1];
    expect([value('reportPeriod'), value('language'), value('inviteDeskCases')]).toEqual([t('setting.quarterly'), t('setting.language_ka'), t('setting.no')]);
    const log = tabs.find((tab) => tab.name === TABS.invitations.name)!;
    const names = new Set(log.values.slice(1).map((row) => row[log.values[0].indexOf(t('col.service_name'))]));
    expect(names.size).toBeGreaterThan(3);
    expect([...names].filter((name) => !services.some((s) => s.ka === name))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

/** The feedback tab's columns before the Georgian labels: English keys, codes in the cells. */
const OLD_FEEDBACK = [
  'id',
  'received_at',
  'form',
  'channel',
  'service',
  ...feedbackItemColumns(),
  'text',
  'themes',
  'polarity',
  'praise_themes',
  'staff_tags',
  'staff_polarity',
  'quotable',
  'flags',
];

function oldRow(record: FeedbackRecord): unknown[] {
  const row = recordToRow(record, OLD_FEEDBACK);
  row[OLD_FEEDBACK.indexOf('form')] = record.form;
  row[OLD_FEEDBACK.indexOf('channel')] = record.channel;
  row[OLD_FEEDBACK.indexOf('staff_tags')] = record.staffTags.join(', ');
  return row;
}

function sheet(fx: Fixture, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  return fx.ws.spreadsheets.byId(fx.spreadsheetId).getSheetByName(name)!;
}

/** A tab as the previous version left it: deleted and made again with its former header and rows. */
function replaceTab(fx: Fixture, name: string, values: unknown[][]): void {
  const ss = fx.ws.spreadsheets.byId(fx.spreadsheetId);
  const index = sheet(fx, name).getIndex();
  ss.deleteSheet(sheet(fx, name));
  const tab = ss.insertSheet(name, index - 1);
  if (values[0].length > tab.getMaxColumns()) tab.insertColumnsAfter(tab.getMaxColumns(), values[0].length - tab.getMaxColumns());
  tab.getRange(1, 1, values.length, values[0].length).setValues(values);
}

function readBack(fx: Fixture): FeedbackRecord[] {
  return feedbackRecords(tabValues(fx, TABS.feedback.name));
}

const firewood = DEFAULT_SERVICES.find((s) => s.code === 'firewood')!;
const newborn = DEFAULT_SERVICES.find((s) => s.code === 'newborn')!;
const queue = DEFAULT_THEMES.find((th) => th.id === 'queue')!;
const documents = DEFAULT_THEMES.find((th) => th.id === 'documents')!;

describe('a workbook of the previous version (English headers, codes) brought up to date by setup', () => {
  let fx: Fixture;
  let before: FeedbackRecord[];
  let migrated: Tab[];
  const tabsNow = (): Tab[] =>
    fx.ws.spreadsheets.snapshot(fx.spreadsheetId).tabs.filter((tab) => [TABS.feedback.name, TABS.paper.name, TABS.invitations.name].includes(tab.name));

  beforeAll(() => {
    fx = setUpWorkbook();
    typeOther(fx, 2, ['05.01.2026', t('channel.phone'), firewood.ka, 'რიგი ძალიან დიდი იყო, ორი საათი ვიდექი']);
    typePaper(fx, 2, { receivedAt: '06.01.2026', 'n1.service': newborn.ka, 'n1.overall': 4, 'n1.improve': 'საბუთების სია გაუგებარი იყო' });
    fx.click(COLLECT);
    before = readBack(fx);
    expect(before).toHaveLength(2);
    // A correction staff made in the previous version: a code typed by hand.
    before.find((r) => r.channel === 'phone')!.staffTags = ['documents'];
    replaceTab(fx, TABS.feedback.name, [OLD_FEEDBACK, ...before.map(oldRow)]);
    // The paper tab's questions carried their ids in brackets.
    const paper = sheet(fx, TABS.paper.name);
    paper.getRange(1, 1, 1, paperColumns().length).setValues([paperColumns().map((c) => c.legacyHeaders?.[0] ?? c.header)]);
    // The invitations log held the service's code under "სერვისი".
    replaceTab(fx, TABS.invitations.name, [
      [t('col.case_id'), t('col.service'), t('col.status'), t('col.log_at'), t('col.log_note')],
      ['01-2026-0001', 'firewood', LOG_STATE_KA.sent, new Date('2026-01-05T08:00:00Z'), ''],
    ]);
    fx.click(SETUP);
    migrated = tabsNow();
  });

  test('the old workbook really was old: English keys in row 1', () => {
    expect(OLD_FEEDBACK.every((key) => feedbackColumnKey(key) === key)).toBe(true);
  });

  test('feedback: Georgian labels in row 1, codes hidden, names shown, every record read as before', () => {
    const feedback = tabSnapshot(fx, TABS.feedback.name);
    const header = feedback.values[0].map(String);
    expect([...header].sort()).toEqual(
      columnsOf('feedback')
        .map((c) => c.header)
        .sort(),
    );
    expect(header.filter((h) => /[a-z_]{3,}/.test(h))).toEqual([]);
    expect(feedback.hiddenColumns.map((c) => feedbackColumnKey(header[c - 1])).sort()).toEqual(['praise_themes', 'service', 'themes']);
    const row = (id: string): Record<string, unknown> => {
      const values = feedback.values.find((r) => r[0] === id)!;
      return Object.fromEntries(header.map((h, i) => [feedbackColumnKey(h), values[i]]));
    };
    const phone = row(before.find((r) => r.channel === 'phone')!.id);
    expect([phone.form, phone.channel, phone.service_name, phone.staff_tags]).toEqual([t('fb.form_other'), t('channel.phone'), firewood.ka, documents.ka]);
    expect(String(phone.theme_names)).toContain(queue.ka);
    const paper = row(before.find((r) => r.channel === 'paper')!.id);
    expect([paper.form, paper.channel, paper.service_name]).toEqual(['N1', t('channel.paper'), newborn.ka]);
    expect(readBack(fx)).toEqual(before);
  });

  test('paper tab and invitations log: former headers renamed, the log shows service names, its codes hidden', () => {
    expect(tabValues(fx, TABS.paper.name)[0]).toEqual(paperColumns().map((c) => c.header));
    const log = tabSnapshot(fx, TABS.invitations.name);
    const header = log.values[0].map(String);
    expect(header).toEqual([
      t('col.case_id'),
      t('col.service_code_system'),
      t('col.status'),
      t('col.log_at'),
      t('col.log_note'),
      t('col.service_name'),
      t('col.invite_channel'),
    ]);
    expect(log.values[1]).toEqual(['01-2026-0001', 'firewood', LOG_STATE_KA.sent, expect.any(Date), '', firewood.ka, '']);
    expect(log.hiddenColumns).toEqual([2]);
  });

  test('setup run again changes nothing', () => {
    fx.click(SETUP);
    expect(tabsNow()).toEqual(migrated);
  });

  test('collection goes on in the migrated tab: a new note lands under the right labels, the old paper row is not imported twice', () => {
    typeOther(fx, 3, ['07.01.2026', t('channel.letter'), firewood.ka, 'თანხა ჯერ არ ჩამრიცხეს']);
    fx.click(COLLECT);
    const records = readBack(fx);
    expect(records).toHaveLength(3);
    expect(records[2]).toMatchObject({ channel: 'letter', service: 'firewood', form: 'other', themes: ['payment_delay'] });
    expect(records.slice(0, 2)).toEqual(before);
  });
});

describe('staff correct a theme by its Georgian label', () => {
  test('the label is read back as its code, survives a correction of the source row and wins in feedback.json', () => {
    const fx = setUpWorkbook();
    typeOther(fx, 2, ['05.01.2026', t('channel.phone'), firewood.ka, 'შეშა ნედლი მოიტანეს']);
    fx.click(COLLECT);
    const header = tabValues(fx, TABS.feedback.name)[0].map(String);
    const column = header.findIndex((h) => feedbackColumnKey(h) === 'staff_tags');
    // The owner (the only editor of the protected tab besides its staff columns) types the label.
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.feedback.name, `${columnLetter(column)}2`, [[`${queue.ka}; ${documents.ka.toUpperCase()}`]]);
    expect(readBack(fx)[0].staffTags).toEqual(['queue', 'documents']);
    // The source row is corrected: the feedback row is made anew, staff's column kept.
    typeOther(fx, 2, ['05.01.2026', t('channel.phone'), firewood.ka, 'შეშა ნედლი მოიტანეს, რიგშიც დიდხანს ვიდექით']);
    fx.click(COLLECT);
    const after = tabValues(fx, TABS.feedback.name);
    expect(after[1][column]).toBe(`${queue.ka}; ${documents.ka.toUpperCase()}`);
    expect(feedbackJson(after).map((r) => r.themes)).toEqual([['queue', 'documents']]);
  });
});

test('every feedback column has a Georgian label and a key', () => {
  expect(columnsOf('feedback').map((c) => c.key)).toEqual([...FEEDBACK_HEADERS]);
  expect(columnsOf('feedback').filter((c) => /[a-z_]{3,}/.test(c.header))).toEqual([]);
});
