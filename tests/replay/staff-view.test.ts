/**
 * Issue 15, item 1, played from the other side: a front-line clerk, an editor of the workbook,
 * opens every tab after the sample quarter (replayed through the BUILT bundle) looking for the
 * time an online answer came. Google's raw store — each response with its exact timestamp — is
 * the form itself, which only its owner opens; the workbook must hold no response's time finer
 * than its day and no tab of raw responses.
 */
import { ADMIN_USER, STAFF_USER, playScenario, type PlayResult } from '../../replay/player';
import { sampleScenario } from '../../replay/sample';
import { TABS } from '../../src/domain/schema';

const TIME_ZONE = 'Asia/Tbilisi';
let result: PlayResult;
/** Every online response's instant (ms), as the forms' owner reads them. */
let instants: number[];
let formIds: string[];

beforeAll(() => {
  result = playScenario(sampleScenario());
  const props = result.ws.properties.app.getScriptProperties();
  formIds = ['N1', 'N2'].map((key) => (JSON.parse(props.getProperty(`form.${key}`) ?? '{}') as { id: string }).id);
  instants = result.ws.core.runExecution(
    'test: the owner reads the forms',
    'direct',
    () =>
      formIds.flatMap((id) =>
        result.ws.forms.app
          .openById(id)
          .getResponses()
          .map((r) => r.getTimestamp().getTime()),
      ),
    ADMIN_USER,
  );
}, 120_000);

const parts = (ms: number): Record<string, string> =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );

/** Whether a Date falls on midnight, Tbilisi time (a day, not a time). */
const isDay = (d: Date): boolean => {
  const p = parts(d.getTime());
  return p.hour === '00' && p.minute === '00' && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
};

test('the sample quarter has online answers to look for', () => {
  // 27 kiosk N1 and 79 N2 (npm run demo's summary)
  expect(instants.length).toBeGreaterThanOrEqual(100);
});

test('the clerk cannot open either form: its responses and their times are the owner’s alone', () => {
  for (const id of formIds) {
    expect(() => result.ws.core.runExecution('test: a clerk opens the form', 'direct', () => result.ws.forms.app.openById(id), STAFF_USER)).toThrow(
      /No item with the given ID could be found/,
    );
  }
});

test('no tab of raw responses, and no tab linked to a form', () => {
  const ss = result.ws.spreadsheets.byId(result.spreadsheetId);
  const linked = ss
    .getSheets()
    .filter((sheet) => Boolean(sheet.getFormUrl()))
    .map((sheet) => sheet.getName());
  expect(linked).toEqual([]);
  expect(ss.getSheets().map((sheet) => sheet.getName())).not.toContainEqual(expect.stringMatching(/პასუხები$/));
  for (const id of formIds) expect(result.ws.forms.snapshot(id).destinationSpreadsheetId).toBeNull();
});

test('every tab, every cell: no online answer’s time, as a date-time or as text; the feedback tab holds days only', () => {
  const tabs = result.ws.spreadsheets.snapshot(result.spreadsheetId).tabs;
  const texts = instants.flatMap((ms) => {
    const p = parts(ms);
    // The ways a time can be written: Georgian day-first, ISO (UTC and local), and the time alone with its date.
    return [
      `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`,
      new Date(ms).toISOString().slice(0, 16),
      `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`,
      String(ms),
    ];
  });
  const found: string[] = [];
  let cells = 0;
  for (const tab of tabs) {
    tab.values.forEach((row, r) =>
      row.forEach((value, c) => {
        cells++;
        if (value instanceof Date) {
          if (instants.some((ms) => Math.abs(ms - value.getTime()) < 60_000)) found.push(`${tab.name}!R${r + 1}C${c + 1}: ${value.toISOString()}`);
          if (tab.name === TABS.feedback.name && !isDay(value)) found.push(`${tab.name}!R${r + 1}C${c + 1}: ${value.toISOString()} is not a day`);
        } else if (typeof value === 'string' && value !== '') {
          const hit = texts.find((text) => value.includes(text));
          if (hit) found.push(`${tab.name}!R${r + 1}C${c + 1}: "${hit}"`);
        }
      }),
    );
  }
  expect(cells).toBeGreaterThan(1_000);
  expect(found).toEqual([]);
});

test('feedback ids carry the day and a place in it, never a time', () => {
  const feedback = result.ws.spreadsheets.snapshot(result.spreadsheetId).tabs.find((tab) => tab.name === TABS.feedback.name)!;
  const online = feedback.values
    .slice(1)
    .map((row) => String(row[0]))
    .filter((id) => /^N[12]-/.test(id));
  expect(online.length).toBeGreaterThanOrEqual(100);
  for (const id of online) expect(id).toMatch(/^N[12]-\d{8}-\d{1,3}$/);
});
