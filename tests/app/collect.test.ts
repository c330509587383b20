/**
 * Collection end to end on the built bundle: each channel's input, as people and Google
 * produce it, lands once as a normalized row of the feedback tab.
 */
import { setUpWorkbook, type Fixture } from '../support/workbook';
import { FEEDBACK_HEADERS, feedbackColumnKey } from '../../src/domain/feedback-row';
import { TABS } from '../../src/domain/schema';
import { t } from '../../src/domain/messages';
import { dayKey, startOfDay } from '../../src/domain/dates';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { ANSWER_MAX_CHARS, N1, N2 } from '../../src/domain/forms';
import { MAX_RESPONSES_PER_RUN } from '../../src/app/collect';
import { feedbackRows, paperHeader, typeOther, typePaper, columnLetter, formRecord, formResponses, lastAlert, tabSnapshot } from '../support/tabs';
import { killAfterFirstWrite } from '../support/faults';

const COLLECT_NOW = 'უკუკავშირის შეგროვება ახლავე';
const IMPORT_PAPER = 'ქაღალდის ფორმების შეტანა';
const newborn = DEFAULT_SERVICES.find((s) => s.code === 'newborn')!;
const firewood = DEFAULT_SERVICES.find((s) => s.code === 'firewood')!;

/** A respondent submits the form; answers are given by annex id, mapped to Google item ids. */
function respond(
  fx: Fixture,
  form: 'N1' | 'N2',
  answers: Record<string, string | number>,
  options: { prefilledUrl?: string; duplicateEvent?: boolean } = {},
): void {
  const record = formRecord(fx, form);
  const byItemId: Record<string, string | number> = {};
  for (const [annexId, value] of Object.entries(answers)) byItemId[String(record.items[annexId])] = value;
  fx.ws.forms.respond(record.id, byItemId, options);
  fx.ws.core.advance(1000);
}

function feedbackFormulas(fx: Fixture): string[] {
  return tabSnapshot(fx, TABS.feedback.name)
    .formulas.flat()
    .filter((f) => f !== '');
}

function n2ServiceLink(fx: Fixture, code: string): string {
  const { values } = tabSnapshot(fx, TABS.services.name);
  const header = values[0].map(String);
  const row = values.find((r) => r[header.indexOf(TABS.services.columns[0].header)] === code)!;
  return String(row[header.indexOf(TABS.services.columns[3].header)]);
}

function statusColumn(fx: Fixture, tabName: string): { status: unknown[]; ids: unknown[] } {
  const { values } = tabSnapshot(fx, tabName);
  const header = values[0].map(String);
  const s = header.indexOf('სტატუსი');
  const f = header.indexOf('ჩანაწერის ID');
  return { status: values.slice(1).map((r) => r[s]), ids: values.slice(1).map((r) => r[f]) };
}

describe('the feedback tab', () => {
  test('setup creates it with every column the issue lists', () => {
    const fx = setUpWorkbook();
    const header = tabSnapshot(fx, TABS.feedback.name).values[0].map(String);
    // Georgian labels, each found back as its column's key.
    const keys = header.map(feedbackColumnKey);
    expect(keys).toEqual([...FEEDBACK_HEADERS]);
    for (const column of ['id', 'received_at', 'form', 'channel', 'service', 'text', 'themes', 'staff_tags', 'quotable', 'flags']) {
      expect(keys).toContain(column);
      expect(header).not.toContain(column);
    }
    for (const item of [...N1.items, ...N2.items].filter((i) => i.type !== 'service')) expect(keys).toContain(item.id);
  });
});

describe('each channel lands as a normalized row', () => {
  test('N1 at the kiosk, through the form: scores as numbers, text tagged with themes', () => {
    const fx = setUpWorkbook();
    respond(fx, 'N1', {
      'n1.service': newborn.ka,
      'n1.heard_from': 'სოფლის რწმუნებული',
      'n1.info_easy': 4,
      'n1.wait_ok': 2,
      'n1.overall': 5,
      'n1.improve': '  რიგში ძალიან დიდხანს ვიდექი  ',
      'n1.age_group': '30–44',
    });
    const rows = feedbackRows(fx);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({
      form: 'N1',
      channel: 'kiosk',
      service: 'newborn',
      'n1.heard_from': 'სოფლის რწმუნებული',
      'n1.info_easy': 4,
      'n1.docs_clear': '',
      'n1.wait_ok': 2,
      'n1.overall': 5,
      'n1.improve': 'რიგში ძალიან დიდხანს ვიდექი',
      'n1.age_group': '30–44',
      'n2.overall': '',
      quotable: false,
      staff_tags: '',
      flags: '',
    });
    // Standing in line is the queue, not the time to a decision (themes.md); the text reports a problem.
    expect(row.themes).toBe('queue');
    expect(row.polarity).toBe('პრობლემა');
    const [raw] = formResponses(fx, 'N1');
    // The day only, and an id without the time: README, anonymity.
    expect((row.received_at as Date).getTime()).toBe(startOfDay(raw.timestamp).getTime());
    expect(String(row.id)).toBe(`N1-${dayKey(raw.timestamp)}-0`);
  });

  test('N2 through the prefilled link of the invitation: the service comes from the link', () => {
    const fx = setUpWorkbook();
    const link = n2ServiceLink(fx, 'firewood');
    expect(fx.ws.forms.expandShortLink(link)).toContain('entry.');
    respond(fx, 'N2', { 'n2.overall': 2, 'n2.timely': 1, 'n2.problem': 'დიახ', 'n2.problem_text': 'შეშა ძალიან გვიან მოიტანეს' }, { prefilledUrl: link });
    const rows = feedbackRows(fx);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      form: 'N2',
      channel: 'email_link',
      service: firewood.code,
      'n2.overall': 2,
      'n2.timely': 1,
      'n2.problem': 'დიახ',
      'n2.problem_text': 'შეშა ძალიან გვიან მოიტანეს',
      'n1.overall': '',
    });
  });

  test('paper forms typed into the paper tab, then the menu import; bad rows explained, good rows imported', () => {
    const fx = setUpWorkbook();
    typePaper(fx, 2, {
      receivedAt: '2026-01-03',
      'n1.service': newborn.ka,
      'n1.docs_clear': 3,
      'n1.overall': 4,
      'n1.improve': 'დოკუმენტების სია არ იყო გასაგები',
    });
    // Required overall score skipped on paper: stored, with a note on the row.
    typePaper(fx, 3, { receivedAt: '2026-01-03', 'n1.service': firewood.ka, 'n1.info_easy': 5 });
    // Only the date typed so far: not stored yet, and the row says what it lacks.
    typePaper(fx, 4, { receivedAt: '2026-01-04' });
    fx.click(IMPORT_PAPER);
    expect(lastAlert(fx)).toContain(
      'ქაღალდის ფორმებიდან უკუკავშირის ცხრილში სულ არის 2: 0 უკვე ჩაწერილი იყო (წინა გაშვებით ან ანგარიშის მომზადებისას), ახალი ახლა: 2.',
    );

    const rows = feedbackRows(fx);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ form: 'N1', channel: 'paper', service: 'newborn', 'n1.docs_clear': 3, 'n1.overall': 4, flags: '' });
    expect((rows[0].received_at as Date).getTime()).toBe(new Date('2026-01-03T00:00:00+04:00').getTime());
    expect(String(rows[0].themes)).toContain('documents');
    expect(rows[1]).toMatchObject({ channel: 'paper', service: 'firewood', 'n1.info_easy': 5, 'n1.overall': '' });
    expect(String(rows[1].flags)).toContain('n1.overall: სავალდებულო პასუხი აკლია');

    const { status, ids } = statusColumn(fx, TABS.paper.name);
    expect(status[0]).toBe('ჩაიწერა');
    expect(ids[0]).toBe(rows[0].id);
    expect(String(status[1])).toContain('ჩაიწერა, შენიშვნით: n1.overall: სავალდებულო პასუხი აკლია');
    expect(ids[1]).toBe(rows[1].id);
    expect(status[2]).toBe('ჯერ არ ჩაიწერა: შეავსეთ ერთი პასუხი მაინც — შევსების შემდეგ ჩაიწერება შემდეგი შეგროვებისას');
    expect(ids[2]).toBe('');

    // Importing again adds nothing; a form typed later is picked up.
    fx.click(IMPORT_PAPER);
    expect(feedbackRows(fx)).toHaveLength(2);
    typePaper(fx, 5, { receivedAt: '2026-01-05', 'n1.service': newborn.ka, 'n1.overall': 1 });
    fx.click(IMPORT_PAPER);
    expect(feedbackRows(fx)).toHaveLength(3);
  });

  test('phone, social, letter … typed into the other-channels tab, then collect', () => {
    const fx = setUpWorkbook();
    typeOther(fx, 2, ['2026-01-02', 'ტელეფონი', newborn.ka, 'თანამშრომელი უხეში იყო']);
    typeOther(fx, 3, ['2026-01-03', 'წერილი', '', 'შენობაში ეტლით შესვლა შეუძლებელია']);
    typeOther(fx, 4, ['2026-01-04', 'სოციალური ქსელი', firewood.ka, '']);
    fx.click(COLLECT_NOW);
    const rows = feedbackRows(fx);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ form: 'other', channel: 'phone', service: 'newborn', text: 'თანამშრომელი უხეში იყო', themes: 'staff' });
    expect(rows[1]).toMatchObject({ form: 'other', channel: 'letter', service: 'unknown', themes: 'access' });
    const { status, ids } = statusColumn(fx, TABS.otherChannels.name);
    expect(ids.slice(0, 2)).toEqual([rows[0].id, rows[1].id]);
    expect(status[2]).toBe('ჯერ არ ჩაიწერა: შეავსეთ „უკუკავშირის შინაარსი“ — შევსების შემდეგ ჩაიწერება შემდეგი შეგროვებისას');
    fx.click(COLLECT_NOW);
    expect(feedbackRows(fx)).toHaveLength(2);
  });

  test('the hourly sweep leaves typed tabs alone: a row still being typed is not imported half-filled', () => {
    const fx = setUpWorkbook();
    typeOther(fx, 2, ['2026-01-02', 'ტელეფონი', newborn.ka, '']);
    fx.ws.script.runClockUntil(fx.ws.core.now() + 2 * 60 * 60_000);
    expect(feedbackRows(fx)).toHaveLength(0);
    typeOther(fx, 2, ['2026-01-02', 'ტელეფონი', newborn.ka, 'რიგში დიდხანს ვიცადე']);
    fx.click(COLLECT_NOW);
    expect(feedbackRows(fx)).toEqual([expect.objectContaining({ channel: 'phone', text: 'რიგში დიდხანს ვიცადე' })]);
  });
});

describe('exactly once', () => {
  test('re-runs and duplicate trigger firings store each response once', () => {
    const fx = setUpWorkbook();
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 4 }, { duplicateEvent: true });
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 4 }, { duplicateEvent: true });
    respond(fx, 'N2', { 'n2.service': firewood.ka, 'n2.overall': 3 }, { duplicateEvent: true });
    fx.click(COLLECT_NOW);
    fx.click(COLLECT_NOW);
    const rows = feedbackRows(fx);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    expect(fx.ws.core.triggerFailures.filter((f) => /Collect|FormResponse|hourly/i.test(f.handler))).toEqual([]);
  });

  test('a missed trigger: responses submitted while the trigger is gone are caught up by the hourly sweep', () => {
    const fx = setUpWorkbook();
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 5 });
    const triggers = fx.ws.core.triggers;
    // Both forms' submit triggers gone (one on each form).
    const submitTriggers = triggers.filter((tr) => tr.handler === 'onFormResponse');
    expect(submitTriggers.map((tr) => tr.sourceKind)).toEqual(['FORMS', 'FORMS']);
    for (const tr of submitTriggers) triggers.splice(triggers.indexOf(tr), 1);
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 3 });
    respond(fx, 'N2', { 'n2.service': newborn.ka, 'n2.overall': 2 });
    expect(feedbackRows(fx)).toHaveLength(1);
    triggers.push(...submitTriggers);
    fx.ws.script.runClockUntil(fx.ws.core.now() + 61 * 60_000);
    expect(feedbackRows(fx)).toHaveLength(3);
    // The next submission's trigger does not bring the caught-up ones back.
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 1 });
    const rows = feedbackRows(fx);
    expect(rows.map((r) => (r.form === 'N1' ? r['n1.overall'] : r['n2.overall']))).toEqual([5, 3, 2, 1]);
  });

  test('a trigger firing twice and a response at the very instant of the cursor: each response once, by its Google id', () => {
    const fx = setUpWorkbook();
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 1 }, { duplicateEvent: true });
    // Two more in the same millisecond: getResponses(cursor) returns the boundary one again.
    fx.ws.core.advanceClockOnCalls = false;
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 2 });
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 3 }, { duplicateEvent: true });
    fx.ws.core.advanceClockOnCalls = true;
    fx.click(COLLECT_NOW);
    const rows = feedbackRows(fx);
    expect(rows.map((r) => r['n1.overall'])).toEqual([1, 2, 3]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    expect(formResponses(fx, 'N1')).toHaveLength(3);
  });

  test('a run killed after the feedback write is re-run without duplicates', () => {
    const fx = setUpWorkbook();
    typePaper(fx, 2, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': 4 });
    typeOther(fx, 2, ['2026-01-03', 'ტელეფონი', '', 'ინფორმაცია არ მომცეს']);
    // Kill the run at its first call after the feedback rows' setValues.
    killAfterFirstWrite(fx, 'menuCollectNow');
    fx.click(COLLECT_NOW);
    fx.ws.core.faultHook = null;
    // Google stops the script: no dialog of ours can follow; the failure is in the execution log.
    expect(fx.ws.spreadsheets.ui.shown.filter((s) => s.message.includes('შეცდომა'))).toEqual([]);
    expect(fx.ws.core.triggerFailures.map((f) => [f.handler, f.message])).toContainEqual(['menuCollectNow', 'Exceeded maximum execution time']);
    expect(feedbackRows(fx)).toHaveLength(2);
    expect(statusColumn(fx, TABS.paper.name).ids[0]).toBe('');
    fx.click(COLLECT_NOW);
    expect(feedbackRows(fx)).toHaveLength(2);
    expect(statusColumn(fx, TABS.paper.name).ids[0]).toBe(feedbackRows(fx)[0].id);
  });
});

describe('normalization', () => {
  const injections = ['=HYPERLINK("http://x","y")', '+1+2', '-3+4', '@SUM(A1)', '\t=1+1', '\r=1+1', "'quoted"];

  test.each(injections)('formula-looking text %j is stored as text, from every channel', (payload) => {
    const fx = setUpWorkbook();
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 3, 'n1.improve': payload });
    // A person types literal text that starts with '=' behind an apostrophe, as Sheets asks.
    const typed = payload.startsWith('=') ? `'${payload}` : payload;
    typePaper(fx, 2, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': 3, 'n1.improve': typed, 'n1.heard_from': typed });
    typeOther(fx, 2, ['2026-01-03', 'ტელეფონი', '', typed]);
    fx.click(COLLECT_NOW);
    const rows = feedbackRows(fx);
    expect(rows).toHaveLength(3);
    expect(feedbackFormulas(fx)).toEqual([]);
    // What the source cells hold, trimmed (tab and CR prefixes included), is what the feedback row holds.
    const rawOnline = String(formResponses(fx, 'N1')[0].answers[formRecord(fx, 'N1').items['n1.improve']]);
    const rawTyped = String(tabSnapshot(fx, TABS.otherChannels.name).values[1][3]);
    const online = rows.find((r) => r.channel === 'kiosk')!;
    const paper = rows.find((r) => r.channel === 'paper')!;
    const other = rows.find((r) => r.form === 'other')!;
    expect(online['n1.improve']).toBe(rawOnline.trim());
    expect(paper['n1.improve']).toBe(rawTyped.trim());
    // heard_from is a choice column (not plain text), so Sheets may read the same typing differently.
    const paperTab = tabSnapshot(fx, TABS.paper.name).values;
    const rawHeard = String(paperTab[1][paperTab[0].indexOf(paperHeader('n1.heard_from'))]);
    expect(paper['n1.heard_from']).toBe(rawHeard.trim());
    expect(other.text).toBe(rawTyped.trim());
    if (!payload.startsWith("'")) expect(online['n1.improve']).toBe(payload.trim());
  });

  test('a renamed question still maps to its item; old responses stay under the old title', () => {
    const fx = setUpWorkbook();
    const record = formRecord(fx, 'N1');
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 4, 'n1.wait_ok': 1 });
    const form = fx.ws.forms.app.openById(record.id);
    form.getItemById(record.items['n1.wait_ok']).setTitle('რამდენ ხანს მოგიწიათ ლოდინი? (შეაფასეთ)');
    // Moving an item must not scramble columns either.
    form.moveItem(form.getItemById(record.items['n1.overall']), 1);
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 2, 'n1.wait_ok': 5 });
    fx.click(COLLECT_NOW);
    const rows = feedbackRows(fx);
    expect(rows.map((r) => [r['n1.overall'], r['n1.wait_ok']])).toEqual([
      [4, 1],
      [2, 5],
    ]);
    // Renamed again between runs: the remembered titles still place the second title's column.
    form.getItemById(record.items['n1.wait_ok']).setTitle('ლოდინის დრო');
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 3, 'n1.wait_ok': 3 });
    expect(feedbackRows(fx).map((r) => r['n1.wait_ok'])).toEqual([1, 5, 3]);
  });

  test('an out-of-range score is kept out of the scores, with the reason on the row', () => {
    const fx = setUpWorkbook();
    const record = formRecord(fx, 'N1');
    // Someone widens the form's scale to 0–10; the analysis scale stays 1–5.
    fx.ws.forms.app.openById(record.id).getItemById(record.items['n1.docs_clear']).asScaleItem().setBounds(0, 10);
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 4, 'n1.docs_clear': 7 });
    const [row] = feedbackRows(fx);
    expect(row['n1.docs_clear']).toBe('');
    expect(row['n1.overall']).toBe(4);
    expect(String(row.flags)).toContain('n1.docs_clear: „7“ არ არის შეფასება 1-დან 5-მდე');
  });

  test('an unknown service is kept as unknown and flagged', () => {
    const fx = setUpWorkbook();
    const record = formRecord(fx, 'N1');
    fx.ws.forms.app.openById(record.id).getItemById(record.items['n1.service']).asListItem().setChoiceValues([newborn.ka, 'ძველი პროგრამა']);
    respond(fx, 'N1', { 'n1.service': 'ძველი პროგრამა', 'n1.overall': 4 });
    const [row] = feedbackRows(fx);
    expect(row.service).toBe('unknown');
    expect(String(row.flags)).toContain('უცნობი სერვისი „ძველი პროგრამა“');
  });

  test('an empty submission is counted, not stored', () => {
    const fx = setUpWorkbook();
    const record = formRecord(fx, 'N2');
    // Google requires n2.overall; a form edited to make it optional lets an empty one through.
    fx.ws.forms.app.openById(record.id).getItemById(record.items['n2.overall']).asScaleItem().setRequired(false);
    respond(fx, 'N2', {}, { prefilledUrl: n2ServiceLink(fx, 'newborn') });
    respond(fx, 'N2', { 'n2.overall': 4 }, { prefilledUrl: n2ServiceLink(fx, 'newborn') });
    expect(feedbackRows(fx)).toHaveLength(1);
    fx.click(COLLECT_NOW);
    expect(feedbackRows(fx)).toHaveLength(1);
    // Counted in the owner's cursor of the form (the form holds both submissions).
    const state = JSON.parse(fx.ws.core.runExecution('test', 'direct', () => fx.ws.properties.app.getUserProperties().getProperty('responses.N2')) ?? '{}') as {
      empty: number;
    };
    expect(state.empty).toBe(1);
    expect(formResponses(fx, 'N2')).toHaveLength(2);
  });

  test("an online answer at the form's limit is stored whole; one character more is refused by the form itself", () => {
    const fx = setUpWorkbook();
    const record = formRecord(fx, 'N1');
    expect(() => respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 4, 'n1.improve': 'ა'.repeat(ANSWER_MAX_CHARS + 1) })).toThrow(
      'პასუხი 10 000 სიმბოლოზე გრძელია. გთხოვთ, შეამოკლოთ.',
    );
    expect(fx.ws.forms.snapshot(record.id).responseCount).toBe(0);
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 4, 'n1.improve': 'ა'.repeat(ANSWER_MAX_CHARS) });
    fx.click(COLLECT_NOW);
    const [row] = feedbackRows(fx);
    expect(row['n1.improve']).toBe('ა'.repeat(ANSWER_MAX_CHARS));
    expect(row.flags).toBe('');
  });

  test('raw responses are never changed', () => {
    const fx = setUpWorkbook();
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 4, 'n1.improve': '=1+1' });
    const before = JSON.stringify(formResponses(fx, 'N1'));
    fx.click(COLLECT_NOW);
    expect(JSON.stringify(formResponses(fx, 'N1'))).toBe(before);
  });

  test('staff tags and the themes tab: a new theme keyword tags new feedback', () => {
    const fx = setUpWorkbook();
    const themes = tabSnapshot(fx, TABS.themes.name).values;
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.themes.name, `A${themes.length + 1}:C${themes.length + 1}`, [['heating', 'გათბობა', 'შეშ, გათბობ']]);
    respond(fx, 'N2', { 'n2.service': firewood.ka, 'n2.overall': 2, 'n2.improve': 'შეშა სველი იყო' });
    expect(feedbackRows(fx)[0].themes).toBe('heating');
  });

  test('the themes tab is read as it stands: emptied, it tags nothing; deleted, the default themes tag', () => {
    const fx = setUpWorkbook();
    const themes = tabSnapshot(fx, TABS.themes.name).values;
    const blank = themes.slice(1).map(() => ['', '', '']);
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.themes.name, `A2:C${themes.length}`, blank);
    respond(fx, 'N2', { 'n2.service': firewood.ka, 'n2.overall': 2, 'n2.improve': 'რიგში დიდხანს ვიდექი' });
    expect(feedbackRows(fx)[0].themes).toBe('');

    const ss = fx.ws.spreadsheets.byId(fx.spreadsheetId);
    ss.deleteSheet(ss.getSheetByName(TABS.themes.name)!);
    respond(fx, 'N2', { 'n2.service': firewood.ka, 'n2.overall': 2, 'n2.improve': 'რიგში დიდხანს ვიდექი' });
    expect(feedbackRows(fx)[1].themes).toBe('queue');
  });
});

describe('staff columns on rows the collector adds', () => {
  const CLERK = 'clerk@municipality.example.ge';

  /** Fills the feedback tab to its last setup row (1000) and then past it, by form responses. */
  function growFeedbackPastSetup(fx: Fixture): number {
    const initialMaxRows = fx.ws.spreadsheets.byId(fx.spreadsheetId).getSheetByName(TABS.feedback.name)!.getMaxRows();
    const block = Array.from({ length: initialMaxRows - 1 }, (_, i) => ['2026-01-02', 'ტელეფონი', newborn.ka, `შეტყობინება ${i + 1}`]);
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.otherChannels.name, `A2:D${initialMaxRows}`, block);
    fx.click(COLLECT_NOW);
    // each submission's trigger appends one row below the setup rows: the tab grows three times
    for (let i = 0; i < 3; i++) respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 5 });
    expect(feedbackRows(fx)).toHaveLength(initialMaxRows + 2);
    return initialMaxRows;
  }

  function cellOf(_fx: Fixture, column: string, row: number): string {
    return `${columnLetter(FEEDBACK_HEADERS.indexOf(column as (typeof FEEDBACK_HEADERS)[number]))}${row}`;
  }

  test('a non-owner editor ticks quotable and tags a row beyond the rows that existed at setup', () => {
    const fx = setUpWorkbook();
    const initialMaxRows = growFeedbackPastSetup(fx);
    const lastRow = initialMaxRows + 3;
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.feedback.name, cellOf(fx, 'quotable', lastRow), [[true]], CLERK);
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.feedback.name, cellOf(fx, 'staff_tags', initialMaxRows + 1), [['waiting']], CLERK);
    const rows = feedbackRows(fx);
    expect(rows[lastRow - 2].quotable).toBe(true);
    expect(rows[initialMaxRows - 1].staff_tags).toBe('waiting');
    // the rest of those rows stays the script's
    expect(() => fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.feedback.name, cellOf(fx, 'text', lastRow), [['x']], CLERK)).toThrow(
      'You are trying to edit a protected cell',
    );
    expect(() => fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.feedback.name, cellOf(fx, 'id', lastRow), [['x']], CLERK)).toThrow();
  });

  test('setup run again reopens the staff columns of a tab that grew while its protection did not follow', () => {
    const fx = setUpWorkbook();
    const initialMaxRows = growFeedbackPastSetup(fx);
    const sheet = fx.ws.spreadsheets.byId(fx.spreadsheetId).getSheetByName(TABS.feedback.name)!;
    const [protection] = sheet.getProtections(fx.ws.spreadsheets.app.ProtectionType.SHEET);
    // what an earlier version left: the staff columns open down to the setup rows only
    protection.setUnprotectedRanges(
      ['staff_tags', 'quotable'].map((c) => sheet.getRange(2, FEEDBACK_HEADERS.indexOf(c as (typeof FEEDBACK_HEADERS)[number]) + 1, initialMaxRows - 1, 1)),
    );
    const tick = (): void => fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.feedback.name, cellOf(fx, 'quotable', initialMaxRows + 2), [[true]], CLERK);
    expect(tick).toThrow('You are trying to edit a protected cell');
    fx.click('სისტემის მომზადება / განახლება');
    tick();
    expect(feedbackRows(fx)[initialMaxRows].quotable).toBe(true);
    expect(sheet.getProtections(fx.ws.spreadsheets.app.ProtectionType.SHEET)).toHaveLength(1);
  });
});

describe('cost', () => {
  test('one append of the feedback rows per run, whatever their number', () => {
    const fx = setUpWorkbook();
    fx.ws.core.triggers.splice(
      fx.ws.core.triggers.findIndex((tr) => tr.handler === 'onFormResponse'),
      1,
    );
    for (let i = 0; i < 30; i++)
      respond(
        fx,
        i % 2 ? 'N1' : 'N2',
        i % 2 ? { 'n1.service': newborn.ka, 'n1.overall': 1 + (i % 5) } : { 'n2.service': newborn.ka, 'n2.overall': 1 + (i % 5) },
      );
    for (let i = 0; i < 5; i++) typePaper(fx, 2 + i, { receivedAt: '2026-01-03', 'n1.service': newborn.ka, 'n1.overall': 3 });
    fx.ws.core.resetCalls();
    fx.click(COLLECT_NOW);
    expect(feedbackRows(fx)).toHaveLength(35);
    const calls = fx.ws.core.callSummary().byMethod;
    // feedback rows once, paper statuses once.
    expect(calls['SpreadsheetApp.setValues']).toBe(2);
    // reads: services, themes, feedback header + ids, two response tabs (header + rows), paper, other channels, the box log.
    expect(calls['SpreadsheetApp.getValues']).toBeLessThanOrEqual(11);
  });
});

describe('a large backlog', () => {
  test('more new responses than one run takes: each run stops at the cap and the next carries on, once each', () => {
    const fx = setUpWorkbook();
    const total = MAX_RESPONSES_PER_RUN + 150;
    // Submitted while no trigger was installed (e.g. triggers deleted by hand, before setup ran again).
    const triggers = fx.ws.core.triggers.splice(0, fx.ws.core.triggers.length);
    for (let i = 0; i < total; i++) respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 1 + (i % 5) });
    fx.ws.core.triggers.push(...triggers);
    fx.click(COLLECT_NOW);
    expect(feedbackRows(fx)).toHaveLength(MAX_RESPONSES_PER_RUN);
    expect(fx.ws.spreadsheets.ui.shown.at(-1)?.message).toContain('დარჩა');
    fx.ws.script.runClockUntil(fx.ws.core.now() + 61 * 60_000);
    const rows = feedbackRows(fx);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.id)).size).toBe(total);
    expect(fx.ws.core.triggerFailures).toEqual([]);
  });
});

describe('text that looks like a number, date or boolean', () => {
  test('stays the text written in the feedback tab ("5", "TRUE", "3,5"), not a number or true', () => {
    const fx = setUpWorkbook();
    respond(fx, 'N2', { 'n2.service': newborn.ka, 'n2.overall': 4, 'n2.liked': 'TRUE', 'n2.improve': '5', 'n2.problem_text': '3,5' });
    typeOther(fx, 2, ['2026-01-02', 'ტელეფონი', newborn.ka, '12%']);
    fx.click(COLLECT_NOW);
    const rows = feedbackRows(fx);
    expect(rows.map((r) => [r['n2.liked'], r['n2.improve'], r['n2.problem_text'], r.text])).toEqual([
      ['TRUE', '5', '3,5', ''],
      ['', '', '', '12%'],
    ]);
    expect(feedbackFormulas(fx)).toEqual([]);
  });
});

describe('a deployment whose forms an earlier version linked to the workbook', () => {
  /** What an earlier version left: N1 writing into a response tab of the workbook, named and recorded. */
  function linkAsBefore(fx: Fixture): string {
    const record = formRecord(fx, 'N1');
    const name = t('tab.responses', { form: 'N1' });
    fx.ws.core.runExecution('test: the earlier version links the form', 'direct', () => {
      const form = fx.ws.forms.app.openById(record.id);
      form.setDestination(fx.ws.forms.app.DestinationType.SPREADSHEET, fx.spreadsheetId);
      const ss = fx.ws.spreadsheets.byId(fx.spreadsheetId);
      ss.getSheets()
        .find((sheet) => (sheet.getFormUrl() ?? '') !== '')!
        .setName(name);
      fx.ws.properties.app.getScriptProperties().setProperty('form.N1', JSON.stringify({ ...record, responseSheet: name }));
    });
    return name;
  }

  function tabNames(fx: Fixture): string[] {
    return fx.ws.spreadsheets.snapshot(fx.spreadsheetId).tabs.map((tab) => tab.name);
  }

  test('setup unlinks it, collects its tab to the end, deletes the tab; the form goes on from there, nothing twice', () => {
    const fx = setUpWorkbook();
    const name = linkAsBefore(fx);
    // The earlier version's triggers are not ours: responses reach only the tab meanwhile.
    const triggers = fx.ws.core.triggers.splice(0, fx.ws.core.triggers.length);
    for (const score of [1, 2]) respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': score });
    expect(tabSnapshot(fx, name).values).toHaveLength(3);
    fx.ws.core.triggers.push(...triggers);
    fx.click('სისტემის მომზადება / განახლება');
    expect(tabNames(fx)).not.toContain(name);
    expect(fx.ws.forms.snapshot(formRecord(fx, 'N1').id).destinationSpreadsheetId).toBeNull();
    expect(formRecord(fx, 'N1').responseSheet).toBe('');
    respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 3 });
    fx.click(COLLECT_NOW);
    const rows = feedbackRows(fx);
    expect(rows.map((r) => r['n1.overall'])).toEqual([1, 2, 3]);
    const day = dayKey(formResponses(fx, 'N1')[0].timestamp);
    expect(rows.map((r) => r.id)).toEqual([`N1-${day}-0`, `N1-${day}-1`, `N1-${day}-2`]);
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])(
    'a migration killed %i calls after its first write ends, re-run, with each response once and no tab',
    (calls) => {
      const fx = setUpWorkbook();
      const name = linkAsBefore(fx);
      const triggers = fx.ws.core.triggers.splice(0, fx.ws.core.triggers.length);
      for (const score of [1, 2]) respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': score });
      let armed = true;
      fx.ws.core.faultHook = (service, method, core) => {
        if (armed && service === 'SpreadsheetApp' && method === 'setValues' && core.current()?.handler === 'menuCollectNow') {
          armed = false;
          core.killAfterCalls = calls;
        }
      };
      fx.click(COLLECT_NOW);
      fx.ws.core.faultHook = null;
      expect(fx.ws.core.triggerFailures.map((f) => [f.handler, f.message])).toContainEqual(['menuCollectNow', 'Exceeded maximum execution time']);
      // Submitted between the crash and the re-run: the form keeps it.
      respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 3 });
      fx.ws.core.triggers.push(...triggers);
      fx.click(COLLECT_NOW);
      respond(fx, 'N1', { 'n1.service': newborn.ka, 'n1.overall': 4 });
      const rows = feedbackRows(fx);
      expect(rows.map((r) => r['n1.overall'])).toEqual([1, 2, 3, 4]);
      expect(new Set(rows.map((r) => r.id)).size).toBe(4);
      expect(tabNames(fx)).not.toContain(name);
      expect(fx.ws.forms.snapshot(formRecord(fx, 'N1').id).destinationSpreadsheetId).toBeNull();
    },
  );
});
