/**
 * The assisted phone survey end to end on the built bundle (issue 17, items 3 and 4): off until
 * turned on; the owner's daily run draws the previous month's closed desk cases once into a call
 * list in the owner's unshared Drive folder; the coordinator ticks outcomes on an owner-only tab
 * and types the N2 answers into the phone-interview tab, which become N2 / phone feedback with no
 * case; the list is deleted for good when its calls are done, or at retention; the analysis
 * report shows the response rate per channel and N2 by email and by phone.
 */
import { t } from '../../src/domain/messages';
import { CALL_OUTCOMES, TABS, columnsOf, phoneInterviewColumns } from '../../src/domain/schema';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import type { DocJson, DocJsonItem } from '../../emulator';
import { feedbackColumnKey, recordToRow } from '../../src/domain/feedback-row';
import { appendTabRows, at, feedbackRecord } from '../support/records';
import { columnLetter, dataRows, feedbackRows, setSetting, tabValues } from '../support/tabs';
import { setUpWorkbook, type Fixture } from '../support/workbook';

const CLERK = 'clerk@municipality.example.ge';
const newborn = DEFAULT_SERVICES.find((s) => s.code === 'newborn')!;
const firewood = DEFAULT_SERVICES.find((s) => s.code === 'firewood')!;
const CLOSED = t('status.closed');
const OFFICE = t('apply.office');
const EMAIL = t('apply.email');
const PHONE_HEADER = 'ტელეფონი';

/** January: 12 closed desk cases (with phones), 4 email cases, 2 desk cases still open; February: 2 desk cases. */
function seedCases(f: Fixture): { january: Map<string, { name: string; phone: string }> } {
  const keys = columnsOf('applications').map((c) => c.key);
  // The SMS consent's phone column (keyed `phone`) when the tab has one, else a column a municipality
  // added and headed "phone" itself: the list reads either.
  const keyed = keys.includes('phone');
  if (!keyed) {
    const header = tabValues(f, TABS.applications.name)[0];
    f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.applications.name, `${columnLetter(header.length)}1`, [[PHONE_HEADER]]);
  }
  const row = (fields: Record<string, unknown>, phone: string): unknown[] =>
    keyed ? keys.map((k) => (k === 'phone' ? phone : (fields[k] ?? ''))) : [...keys.map((k) => fields[k] ?? ''), phone];
  const january = new Map<string, { name: string; phone: string }>();
  const rows: unknown[][] = [];
  for (let i = 0; i < 12; i++) {
    const id = `K-${100 + i}`;
    const person = { name: `ნინო ბერიძე${i}`, phone: `599 77 ${String(10 + i)} 01` };
    january.set(id, person);
    rows.push(
      row(
        {
          caseId: id,
          submittedAt: at('2026-01-03T10:00:00+04:00'),
          service: newborn.ka,
          applicant: person.name,
          applyChannel: OFFICE,
          status: CLOSED,
          closedAt: at(`2026-01-${10 + i}T10:00:00+04:00`),
        },
        person.phone,
      ),
    );
  }
  for (let i = 0; i < 4; i++)
    rows.push(
      row(
        {
          caseId: `E-${i}`,
          service: newborn.ka,
          applicant: `ელ ${i}`,
          email: `e${i}@example.ge`,
          applyChannel: EMAIL,
          status: CLOSED,
          closedAt: at('2026-01-12T10:00:00+04:00'),
        },
        '599 00 00 0' + i,
      ),
    );
  for (let i = 0; i < 2; i++)
    rows.push(row({ caseId: `O-${i}`, service: newborn.ka, applicant: `ღია ${i}`, applyChannel: OFFICE, status: t('status.in_review') }, '599 11 11 1' + i));
  for (let i = 0; i < 2; i++)
    rows.push(
      row(
        { caseId: `F-${i}`, service: newborn.ka, applicant: `თებ ${i}`, applyChannel: OFFICE, status: CLOSED, closedAt: at('2026-02-03T10:00:00+04:00') },
        '599 22 22 2' + i,
      ),
    );
  appendTabRows(f, TABS.applications.name, rows);
  return { january };
}

function daily(f: Fixture, iso: string): void {
  f.ws.core.setNow(Date.parse(iso));
  f.ws.core.invoke('dailyJobs', 'time', {}, { rethrow: true });
}

function listFiles(f: Fixture): Array<{ id: string; name: string; sharing: string; folder: string; text: string; trashed: boolean }> {
  return f.ws.drive
    .index()
    .filter((r) => r.name.startsWith(t('file.phone_calls', { month: '' }).replace('.csv', '')))
    .map((r) => ({
      id: r.id,
      name: r.name,
      sharing: r.sharing.access,
      folder: r.folderPath,
      trashed: r.trashed,
      text: new TextDecoder().decode(f.ws.drive.contentOf(r.id)),
    }));
}

/** Every text the emulated Drive holds (files' bytes), to look for personal data. */
function allDriveText(f: Fixture): string {
  return f.ws.drive
    .index()
    .map((r) => {
      const bytes = f.ws.drive.contentOf(r.id);
      return bytes ? new TextDecoder().decode(bytes) : '';
    })
    .join('\n');
}

function tick(f: Fixture, row: number, outcome: string, user?: string): void {
  const column = columnLetter(TABS.phoneCalls.columns.findIndex((c) => c.key === 'outcome'));
  f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.phoneCalls.name, `${column}${row}`, [[outcome]], user);
}

const outcome = (id: string): string => CALL_OUTCOMES.find((o) => o.id === id)!.ka;
const hasTab = (f: Fixture, name: string): boolean => f.ws.spreadsheets.snapshot(f.spreadsheetId).tabs.some((tab) => tab.name === name);

describe('the phone survey', () => {
  it('is off by default: no tab, no list', () => {
    const f = setUpWorkbook({ now: '2026-01-05T09:00:00+04:00' });
    seedCases(f);
    daily(f, '2026-02-01T09:00:00+04:00');
    expect(hasTab(f, TABS.phoneCalls.name)).toBe(false);
    expect(hasTab(f, TABS.phoneInterviews.name)).toBe(false);
    expect(listFiles(f)).toEqual([]);
  });

  it('draws January once into an owner-only list; answers typed from the calls are N2 / phone with no case; the list is deleted when the calls are done', () => {
    const f = setUpWorkbook({ now: '2026-01-05T09:00:00+04:00' });
    const { january } = seedCases(f);
    setSetting(f, 'phoneSurvey', 'yes');
    setSetting(f, 'phoneSurveySample', '6');
    daily(f, '2026-02-01T09:00:00+04:00');

    const files = listFiles(f);
    expect(files).toHaveLength(1);
    expect(files[0].sharing).toBe('PRIVATE');
    expect(files[0].folder).toContain(t('folder.coordinator'));
    const lines = files[0].text.trim().split('\n').slice(1);
    expect(lines).toHaveLength(6);
    const drawn = lines.map((line) => line.split(',')[2]);
    // Only January's closed desk cases, each once, with their name and phone.
    for (const id of drawn) expect(january.has(id)).toBe(true);
    expect(new Set(drawn).size).toBe(6);
    for (const line of lines) {
      const [, , id, name, phone] = line.split(',');
      expect({ name, phone }).toEqual(january.get(id));
    }
    // The outcomes tab: month and number only.
    const calls = dataRows(f, TABS.phoneCalls.name);
    expect(calls.map((r) => [r[0], r[1]])).toEqual(Array.from({ length: 6 }, (_, i) => ['2026-01', i + 1]));
    expect(JSON.stringify(tabValues(f, TABS.phoneCalls.name))).not.toMatch(/K-1|ბერიძე|599/);
    // Staff cannot tick (or read the list: it is a file in the owner's Drive).
    expect(() => tick(f, 2, outcome('answered'), CLERK)).toThrow();

    // The trigger firing again, later in February: January is not drawn twice.
    daily(f, '2026-02-02T09:00:00+04:00');
    expect(listFiles(f)).toHaveLength(1);
    expect(listFiles(f)[0].text).toBe(files[0].text);
    expect(dataRows(f, TABS.phoneCalls.name)).toHaveLength(6);

    // Two interviews typed by the coordinator: date, service, answers; no case number anywhere.
    const columns = phoneInterviewColumns().filter((c) => !['status', 'feedbackId', 'fingerprint'].includes(c.key));
    const typeInterview = (row: number, byKey: Record<string, unknown>): void => {
      const values = columns.map((c) => byKey[c.key] ?? '');
      f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.phoneInterviews.name, `A${row}:${columnLetter(values.length - 1)}${row}`, [values]);
    };
    typeInterview(2, { receivedAt: '03.02.2026', 'n2.service': newborn.ka, 'n2.overall': 5, 'n2.timely': 4, 'n2.liked': 'თანამშრომელი ყურადღებიანი იყო' });
    typeInterview(3, {
      receivedAt: '04.02.2026',
      'n2.service': newborn.ka,
      'n2.overall': 2,
      'n2.problem': 'დიახ',
      'n2.problem_text': 'თანხა დაგვიანებით ჩაირიცხა',
    });
    f.ws.core.invoke('menuCollectNow', 'menu', undefined, { rethrow: true });
    const phoneRows = feedbackRows(f).filter((r) => r.channel === 'phone');
    expect(phoneRows).toHaveLength(2);
    for (const r of phoneRows) {
      expect(r.form).toBe('N2');
      expect(r.service).toBe('newborn');
      expect(String(r.id)).toMatch(/^phone-r\d+-[0-9a-f]{8}$/);
      for (const id of drawn) expect(JSON.stringify(r)).not.toContain(id);
    }
    expect(phoneRows.map((r) => r['n2.overall']).sort()).toEqual([2, 5]);
    expect(phoneRows.find((r) => r['n2.overall'] === 2)?.['n2.problem_text']).toBe('თანხა დაგვიანებით ჩაირიცხა');

    // Five rows final and one to call again: the list stays.
    ['answered', 'answered', 'refused', 'unreachable', 'called', 'unreachable'].forEach((o, i) => tick(f, i + 2, outcome(o)));
    daily(f, '2026-02-10T09:00:00+04:00');
    expect(listFiles(f)).toHaveLength(1);
    // The last call made: deleted for good at that tick (the edit trigger), not trashed; no name
    // or phone left anywhere in Drive.
    tick(f, 6, outcome('refused'));
    expect(listFiles(f)).toEqual([]);
    daily(f, '2026-02-11T09:00:00+04:00');
    expect(listFiles(f)).toEqual([]);
    const drive = allDriveText(f);
    for (const id of drawn) {
      const person = january.get(id)!;
      expect(drive).not.toContain(person.name);
      expect(drive).not.toContain(person.phone);
    }
    const state = JSON.parse(f.ws.properties.app.getScriptProperties().getProperty('phoneSurvey.state') ?? '{}');
    expect(state.months['2026-01']).toMatchObject({ status: 'drawn', drawn: 6, erased: { reason: 'done' } });
    // Nor in the script properties: only counts and months.
    expect(JSON.stringify(state)).not.toMatch(/K-1|ბერიძე|599/);
  });

  it('deletes a list whose calls were never finished at the end of the following month, and pools a small February', () => {
    const f = setUpWorkbook({ now: '2026-01-05T09:00:00+04:00' });
    const { january } = seedCases(f);
    setSetting(f, 'phoneSurvey', 'yes');
    daily(f, '2026-02-01T09:00:00+04:00');
    expect(listFiles(f)).toHaveLength(1);
    tick(f, 2, outcome('answered'));
    daily(f, '2026-02-28T09:00:00+04:00');
    expect(listFiles(f)).toHaveLength(1);
    // 1 March: January's retention is over; February had 2 desk cases (< 5): pooled, nobody drawn.
    daily(f, '2026-03-01T09:00:00+04:00');
    expect(listFiles(f)).toEqual([]);
    const drive = allDriveText(f);
    for (const person of january.values()) {
      expect(drive).not.toContain(person.name);
      expect(drive).not.toContain(person.phone);
    }
    const state = JSON.parse(f.ws.properties.app.getScriptProperties().getProperty('phoneSurvey.state') ?? '{}');
    expect(state.months['2026-01'].erased.reason).toBe('retention');
    expect(state.months['2026-02']).toMatchObject({ status: 'pooled', pool: 2, drawn: 0 });
  });

  it('the analysis report shows the rate per channel and N2 by email and by phone', () => {
    const f = setUpWorkbook({ now: '2026-01-05T09:00:00+04:00' });
    seedCases(f);
    setSetting(f, 'phoneSurvey', 'yes');
    setSetting(f, 'phoneSurveySample', '10');
    daily(f, '2026-02-01T09:00:00+04:00');
    // 10 called: 6 interviewed, typed in; 4 refused or unreachable.
    ['answered', 'answered', 'answered', 'answered', 'answered', 'answered', 'refused', 'refused', 'unreachable', 'unreachable'].forEach((o, i) =>
      tick(f, i + 2, outcome(o)),
    );
    const columns = phoneInterviewColumns().filter((c) => !['status', 'feedbackId', 'fingerprint'].includes(c.key));
    const phoneOverall = [5, 4, 4, 2, 1, 5];
    phoneOverall.forEach((score, i) => {
      const values = columns.map((c) =>
        c.key === 'receivedAt' ? `0${i + 2}.02.2026` : c.key === 'n2.service' ? firewood.ka : c.key === 'n2.overall' ? score : '',
      );
      f.ws.spreadsheets.userEdit(f.spreadsheetId, TABS.phoneInterviews.name, `A${i + 2}:${columnLetter(values.length - 1)}${i + 2}`, [values]);
    });
    // 8 N2 answers by email, 16 email invitations sent in Q1 (the log, as the sender leaves it).
    const emailOverall = [5, 5, 5, 4, 4, 3, 2, 5];
    const feedbackKeys = tabValues(f, TABS.feedback.name)[0].map((h) => feedbackColumnKey(String(h)));
    appendTabRows(
      f,
      TABS.feedback.name,
      emailOverall.map((score, i) =>
        recordToRow(
          feedbackRecord({
            id: `N2-2026020${i}-1`,
            receivedAt: at(`2026-02-1${i}T00:00:00+04:00`),
            form: 'N2',
            channel: 'email_link',
            service: 'firewood',
            answers: { 'n2.overall': score },
            quotable: false,
          }),
          feedbackKeys,
        ),
      ),
    );
    appendTabRows(
      f,
      TABS.invitations.name,
      Array.from({ length: 16 }, (_, i) => [`E-${i}`, 'firewood', t('invite.sent'), at(`2026-02-0${(i % 9) + 1}T00:00:00+04:00`), '', 'email']),
    );
    f.ws.core.setNow(Date.parse('2026-04-02T10:00:00+04:00'));
    f.ws.spreadsheets.ui.answerNext({ button: 'OK', text: '2026-Q1' });
    f.click('ანალიტიკური ანგარიშის მომზადება');
    const doc = f.ws.docs.list().find((d) => d.name.startsWith('უკუკავშირის ანალიტიკური ანგარიში'));
    if (!doc) throw new Error('no report');
    const json: DocJson = f.ws.docs.toJson(doc.id);
    const rates = tableAfter(json, 'ვისამდე მივაღწიეთ: მოწვევის არხების მიხედვით');
    const pct = (x: number): string => `${Math.round(x * 100)}%`;
    expect(rates).toContainEqual(['ელფოსტა (N2)', '16', '8', pct(8 / 16)]);
    expect(rates).toContainEqual(['ტელეფონით გამოკითხვა (N2)', '10', '6', pct(6 / 10)]);
    // Desk: the 12 January desk applications have a submission date in Q1 (the others none); no N1 form.
    expect(rates.find((r) => r[0] === 'კანცელარია (N1)')).toEqual(['კანცელარია (N1)', '12', '0', pct(0)]);
    const outcomes = tableAfter(json, 'N2: შედეგი მიღწევის გზის მიხედვით');
    const agree = (scores: number[]): string => `${pct(scores.filter((s) => s >= 4).length / scores.length)} (n = ${scores.length})`;
    expect(outcomes[1]).toEqual([outcomes[1][0], agree(emailOverall), agree(phoneOverall)]);
    // Only the satisfaction row: no driver was rated by anyone.
    expect(outcomes).toHaveLength(2);
    // Recorded in the disclosure ledger.
    const ledger = f.ws.spreadsheets.snapshot(f.spreadsheetId).tabs.find((tab) => tab.name === t('tab.disclosure_ledger'));
    const keys = (ledger?.values ?? []).map((row) => String(row[0]));
    expect(keys).toContain('reach:phone');
    expect(keys).toContain('reach_form:N2:email');
    expect(keys).toContain('channel:N2:phone');
  });
});

type Table = Extract<DocJsonItem, { type: 'table' }>;

function tableAfter(doc: DocJson, heading: string): string[][] {
  const start = doc.body.findIndex((item) => item.type === 'paragraph' && item.text === heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const table = doc.body.slice(start).find((item): item is Table => item.type === 'table');
  if (!table) throw new Error(`no table after ${heading}`);
  return table.rows;
}

describe('the phone survey, stopped half-way', () => {
  it('a run killed right after the list was made is finished by the next: one file, the same people, no second rows', () => {
    const f = setUpWorkbook({ now: '2026-01-05T09:00:00+04:00' });
    seedCases(f);
    setSetting(f, 'phoneSurvey', 'yes');
    let armed = true;
    // The run's first files.create makes the coordinator's folder, the second the month's list.
    let creates = 0;
    f.ws.core.faultHook = (service, method, core) => {
      if (armed && service === 'Drive' && method === 'Files.create' && core.current()?.handler === 'dailyJobs' && ++creates === 2) {
        armed = false;
        core.killAfterCalls = 1;
      }
    };
    f.ws.core.setNow(Date.parse('2026-02-01T09:00:00+04:00'));
    f.ws.core.invoke('dailyJobs', 'time', {});
    f.ws.core.faultHook = null;
    expect(armed).toBe(false);
    const made = listFiles(f);
    expect(made).toHaveLength(1);
    expect(f.ws.properties.app.getScriptProperties().getProperty('phoneSurvey.state') ?? '').not.toContain('2026-01');

    daily(f, '2026-02-01T10:00:00+04:00');
    const files = listFiles(f);
    expect(files).toHaveLength(1);
    expect(files[0].text).toBe(made[0].text);
    expect(dataRows(f, TABS.phoneCalls.name)).toHaveLength(10);
    daily(f, '2026-02-02T10:00:00+04:00');
    expect(listFiles(f)).toHaveLength(1);
    expect(dataRows(f, TABS.phoneCalls.name)).toHaveLength(10);
  });
});

describe('the phone survey, at scale', () => {
  /** Service calls of the first daily run of February with `extra` more closed desk cases in January. */
  function callsWith(extra: number): Record<string, number> {
    const f = setUpWorkbook({ now: '2026-01-05T09:00:00+04:00' });
    seedCases(f);
    const keys = columnsOf('applications').map((c) => c.key);
    const more = Array.from({ length: extra }, (_, i) =>
      keys.map(
        (k) =>
          ({
            caseId: `M-${i}`,
            service: newborn.ka,
            applicant: `სახელი ${i}`,
            applyChannel: OFFICE,
            status: CLOSED,
            closedAt: at('2026-01-20T10:00:00+04:00'),
          })[k] ?? '',
      ),
    );
    if (extra) appendTabRows(f, TABS.applications.name, more);
    setSetting(f, 'phoneSurvey', 'yes');
    daily(f, '2026-01-31T09:00:00+04:00'); // the survey's tabs made, nothing due yet
    f.ws.core.resetCalls();
    daily(f, '2026-02-01T09:00:00+04:00');
    expect(listFiles(f)).toHaveLength(1);
    return f.ws.core.callSummary().byMethod;
  }

  it('makes as many service calls for 2,000 desk cases as for 12: whole-tab reads, one file, one append', () => {
    expect(callsWith(2000)).toEqual(callsWith(0));
  });
});
