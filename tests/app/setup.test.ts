/**
 * Offer: setup through the Georgian menu makes the tabs and both anonymous forms from
 * the one definition in src/domain/forms.ts, and running it again changes nothing but what staff
 * edited since. Loads the built bundle (npm run build first).
 */
import { N1, N2, FORMS, LIKERT_SCALE } from '../../src/domain/forms';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { TABS, TAB_ORDER } from '../../src/domain/schema';
import type { FormDefinition } from '../../src/domain/types';
import { startOfDay } from '../../src/domain/dates';
import { freshWorkbook, setUpWorkbook, type Fixture } from '../support/workbook';
import type { FormSnapshot } from '../../emulator';
import { feedbackRows, formRecord, tabValues } from '../support/tabs';
import { tabOf } from '../support/records';

const SETUP = 'სისტემის მომზადება / განახლება';

function prop(fx: Fixture, key: string): string | null {
  return fx.ws.properties.app.getScriptProperties().getProperty(key);
}

function liveForms(fx: Fixture): FormSnapshot[] {
  const trashed = new Set(
    fx.ws.drive
      .index()
      .filter((row) => row.trashed)
      .map((row) => row.id),
  );
  return fx.ws.forms.list().filter((f) => !trashed.has(f.id));
}

/** Checks one generated form against its definition, item by item. */
function expectMatchesDefinition(snap: FormSnapshot, def: FormDefinition, serviceNames: string[]): void {
  expect(snap.title).toBe(def.title);
  expect(snap.description).toBe(def.onlineIntro ?? def.intro);
  expect(snap.confirmationMessage).toBe(def.confirmation);
  expect(snap.collectsEmail).toBe(false);
  expect(snap.requiresLogin).toBe(false);
  expect(snap.published).toBe(true);
  expect(snap.acceptingResponses).toBe(true);
  expect(snap.items).toHaveLength(def.items.length);
  def.items.forEach((item, i) => {
    const got = snap.items[i];
    expect({ id: item.id, title: got.title }).toEqual({ id: item.id, title: item.ka });
    expect({ id: item.id, required: got.required }).toEqual({ id: item.id, required: item.required });
    switch (item.type) {
      case 'service':
        expect(got.type).toBe('LIST');
        expect(got.choices).toEqual(serviceNames);
        break;
      case 'likert':
        expect(got).toMatchObject({
          type: 'SCALE',
          lowerBound: 1,
          upperBound: 5,
          leftLabel: LIKERT_SCALE.minLabel,
          rightLabel: LIKERT_SCALE.maxLabel,
        });
        break;
      case 'choice':
      case 'yesno':
        expect(got.type).toBe('MULTIPLE_CHOICE');
        expect(got.choices).toEqual(item.choices);
        expect(got.hasOtherOption).toBe(item.hasOther === true);
        break;
      case 'paragraph':
        expect(got.type).toBe('PARAGRAPH_TEXT');
        break;
    }
  });
}

describe('setup (menu "სისტემის მომზადება / განახლება")', () => {
  let fx: Fixture;
  beforeEach(() => {
    fx = setUpWorkbook();
  });

  it('tells the administrator in Georgian what it made, and logs no error', () => {
    const shown = fx.ws.spreadsheets.ui.shown;
    expect(shown).toHaveLength(1);
    expect(shown[0].message).toContain('სისტემა მზადაა');
    expect(shown[0].message).toContain('N1, N2');
    expect(fx.ws.core.logs.filter((l) => l.startsWith('[ERROR]'))).toEqual([]);
  });

  it('names in its message the settings it could not use as typed', () => {
    const settings = tabValues(fx, TABS.settings.name);
    const typeSetting = (key: string, value: string): void => {
      const row = settings.findIndex((r) => r[0] === key) + 1;
      fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.settings.name, `B${row}`, [[value]]);
    };
    typeSetting('minGroupSize', 'ხუთი');
    typeSetting('replyTo', 'feedback ambrolauri.gov.ge');
    typeSetting('managers', 'director@example.ge, deputy-at-example.ge');
    fx.click(SETUP);
    const message = String(fx.ws.spreadsheets.ui.shown.at(-1)?.message);
    expect(message).toContain(`შეამოწმეთ ჩანართი „${TABS.settings.name}“`);
    expect(message).toContain('„minGroupSize“ უნდა იყოს დადებითი მთელი რიცხვი; გამოყენებულია 5');
    expect(message).toContain('„feedback ambrolauri.gov.ge“ ელფოსტის მისამართი არ არის');
    expect(message).toContain('„deputy-at-example.ge“ ელფოსტის მისამართი არ არის და გამოტოვებულია');
    expect(message).not.toContain('director@example.ge');
    // settings as typed correctly give no such note
    typeSetting('minGroupSize', '5');
    typeSetting('replyTo', 'feedback@ambrolauri.gov.ge');
    typeSetting('managers', 'director@example.ge');
    fx.click(SETUP);
    expect(String(fx.ws.spreadsheets.ui.shown.at(-1)?.message)).not.toContain('შეამოწმეთ');
  });

  it('writes the report period and language in Georgian, each with a list of its Georgian choices', () => {
    const settings = tabValues(fx, TABS.settings.name);
    const rowOf = (key: string): number => settings.findIndex((r) => r[0] === key) + 1;
    expect(settings[rowOf('reportPeriod') - 1][1]).toBe('კვარტალური');
    expect(settings[rowOf('language') - 1][1]).toBe('ქართული');
    const tab = tabOf(fx, TABS.settings.name);
    const choices = (key: string) => tab.getRange(rowOf(key), 2).getDataValidation()?.getCriteriaValues()[0];
    expect(choices('reportPeriod')).toEqual(['კვარტალური', 'თვიური']);
    expect(choices('language')).toEqual(['ქართული', 'ინგლისური']);
  });

  it('reads the codes an earlier version wrote, and setup run again rewrites them in Georgian', () => {
    const settings = tabValues(fx, TABS.settings.name);
    const rowOf = (key: string): number => settings.findIndex((r) => r[0] === key) + 1;
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.settings.name, `B${rowOf('reportPeriod')}`, [['monthly']]);
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.settings.name, `B${rowOf('language')}`, [['en']]);
    fx.click(SETUP);
    expect(String(fx.ws.spreadsheets.ui.shown.at(-1)?.message)).not.toContain('შეამოწმეთ');
    const after = tabValues(fx, TABS.settings.name);
    expect(after[rowOf('reportPeriod') - 1][1]).toBe('თვიური');
    expect(after[rowOf('language') - 1][1]).toBe('ინგლისური');
  });

  it('creates every tab with its header, frozen, and no tab of raw form responses', () => {
    const ss = fx.ws.spreadsheets.byId(fx.spreadsheetId);
    for (const key of TAB_ORDER) {
      const sheet = ss.getSheetByName(TABS[key].name);
      expect(sheet).not.toBeNull();
      expect(sheet!.getFrozenRows()).toBe(1);
      const header = tabValues(fx, TABS[key].name)[0].map(String);
      for (const column of TABS[key].columns) expect(header).toContain(column.header);
    }
    // Google's raw responses, with their exact times, stay in the forms (README, Anonymity).
    expect(ss.getSheetByName('N1 — პასუხები')).toBeNull();
    expect(ss.getSheetByName('N2 — პასუხები')).toBeNull();
    expect(ss.getSheets().filter((sheet) => sheet.getFormUrl())).toEqual([]);
    // paper tab: the date, the box opening's number, every N1 question in order, then the script's columns
    const paperHeader = tabValues(fx, TABS.paper.name)[0].map(String);
    expect(paperHeader).toHaveLength(2 + N1.items.length + 3);
    expect(paperHeader[1]).toBe(TABS.paper.columns[1].header);
    // The questions as printed on the paper form, no machine id beside them.
    N1.items.forEach((item, i) => expect(paperHeader[2 + i]).toBe(item.ka));
  });

  it('seeds the services tab from the annex and links each service to its prefilled N2 form', () => {
    const rows = tabValues(fx, TABS.services.name).slice(1);
    expect(rows.map((r) => r[0])).toEqual(DEFAULT_SERVICES.map((s) => s.code));
    const n2 = formRecord(fx, 'N2');
    const published = fx.ws.forms.snapshot(n2.id).publishedUrl;
    const serviceEntry = fx.ws.forms.snapshot(n2.id).items[0].entryId;
    for (const row of rows) {
      // Forms' own short link (forms.gle), which opens the prefilled URL.
      expect(String(row[3])).toMatch(/^https:\/\/forms\.gle\/[A-Za-z0-9]+$/);
      const link = fx.ws.forms.expandShortLink(String(row[3]))!;
      expect(link.startsWith(published.replace('/viewform', '/viewform?'))).toBe(true);
      const params = new URL(link).searchParams;
      // the link carries the service and nothing else: no case id, no email
      expect([...params.keys()].filter((k) => k.startsWith('entry.'))).toEqual([`entry.${serviceEntry}`]);
      expect(params.get(`entry.${serviceEntry}`)).toBe(row[1]);
    }
  });

  it('renders N1 and N2 item by item from the definition, anonymous, linked to no spreadsheet', () => {
    const names = DEFAULT_SERVICES.map((s) => s.ka);
    const forms = liveForms(fx);
    expect(forms).toHaveLength(Object.keys(FORMS).length);
    for (const def of [N1, N2]) {
      const record = formRecord(fx, def.key);
      const snap = fx.ws.forms.snapshot(record.id);
      expectMatchesDefinition(snap, def, names);
      expect(snap.destinationSpreadsheetId).toBeNull();
      expect(record.publishedUrl).toBe(snap.publishedUrl);
      // the stored item ids are the form's: the collector relies on them
      expect(def.items.map((i) => record.items[i.id])).toEqual(snap.items.map((i) => i.id));
    }
  });

  it("accepts an anonymous response through the generated form; the form's own trigger brings it to the feedback tab, by day", () => {
    const record = formRecord(fx, 'N1');
    fx.ws.forms.respond(record.id, { [N1.items[0].ka]: DEFAULT_SERVICES[1].ka, [N1.items[8].ka]: 4 });
    expect(fx.ws.forms.snapshot(record.id).responseCount).toBe(1);
    const rows = feedbackRows(fx);
    expect(rows).toHaveLength(1);
    expect(rows[0].service).toBe(DEFAULT_SERVICES[1].code);
    const received = rows[0].received_at as Date;
    expect(received.getTime()).toBe(startOfDay(received).getTime());
  });

  it('installs each trigger once and protects the tabs staff must not edit', () => {
    const handlers = fx.ws.core.triggers.map((t) => t.handler).sort();
    expect(handlers).toEqual(['dailyJobs', 'hourlySweep', 'onFormResponse', 'onFormResponse', 'onWorkbookEdit']);
    // One form-submit trigger on each form, the owner's (who alone may read the responses).
    const formTriggers = fx.ws.core.triggers.filter((tr) => tr.handler === 'onFormResponse');
    expect(formTriggers.map((tr) => tr.sourceKind)).toEqual(['FORMS', 'FORMS']);
    expect(formTriggers.map((tr) => tr.sourceId).sort()).toEqual([formRecord(fx, 'N1').id, formRecord(fx, 'N2').id].sort());
    // script-only tabs refuse a staff edit; the editable columns of the feedback tab do not
    expect(() => fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.invitations.name, 'A2', [['x']], 'clerk@municipality.example.ge')).toThrow();
    expect(() => fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.feedback.name, 'A2', [['x']], 'clerk@municipality.example.ge')).toThrow();
    expect(() => fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.applications.name, 'I2', [['sent']], 'clerk@municipality.example.ge')).toThrow();
  });

  it('run twice leaves one of everything: tabs, forms, triggers, protections, docs, properties', () => {
    const count = (): Record<string, unknown> => {
      const ss = fx.ws.spreadsheets.byId(fx.spreadsheetId);
      const protections = ss
        .getSheets()
        .flatMap((s) => [...s.getProtections(fx.ws.spreadsheets.app.ProtectionType.SHEET), ...s.getProtections(fx.ws.spreadsheets.app.ProtectionType.RANGE)])
        .map((p) => p.getDescription())
        .sort();
      return {
        tabs: ss.getSheets().map((s) => s.getName()),
        forms: liveForms(fx).map((f) => f.id),
        triggers: fx.ws.core.triggers.map((t) => t.handler).sort(),
        protections,
        drive: fx.ws.drive
          .index()
          .filter((r) => !r.trashed)
          .map((r) => `${r.mimeType} ${r.name}`)
          .sort(),
        properties: fx.ws.properties.app.getScriptProperties().getProperties(),
        values: fx.ws.spreadsheets.snapshot(fx.spreadsheetId).tabs.map((t) => [t.name, t.values.length]),
      };
    };
    const first = count();
    expect((first.protections as string[]).length).toBeGreaterThan(0);
    fx.click(SETUP);
    expect(count()).toEqual(first);
    expect(fx.ws.spreadsheets.ui.shown[1].message).toContain('ჩანართები უკვე არსებობდა');
    expect(fx.ws.docs.list()).toHaveLength(2);
  });

  it('run again keeps the column widths staff set by hand', () => {
    const sheet = fx.ws.spreadsheets.byId(fx.spreadsheetId).getSheetByName(TABS.applications.name)!;
    const applicant = TABS.applications.columns.findIndex((c) => c.key === 'applicant') + 1;
    expect(sheet.getColumnWidth(applicant)).toBe(TABS.applications.columns[applicant - 1].width);
    sheet.setColumnWidth(applicant, 420);
    fx.click(SETUP);
    expect(sheet.getColumnWidth(applicant)).toBe(420);
  });

  it('carries a staff edit of the services tab into both forms in place, responses untouched', () => {
    const before = [N1, N2].map((def) => fx.ws.forms.snapshot(formRecord(fx, def.key).id));
    fx.ws.forms.respond(before[0].id, { [N1.items[0].ka]: DEFAULT_SERVICES[0].ka, [N1.items[8].ka]: 5 });
    const rows = tabValues(fx, TABS.services.name).length;
    // a clerk adds a service row and renames another, as typed in the sheet
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.services.name, `A${rows + 1}:C${rows + 1}`, [['youth', 'ახალგაზრდული პროგრამა', true]]);
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.services.name, 'B3', [['ახალშობილის დახმარება']]);
    // the installable edit trigger only marks the work: no Forms, Docs or Drive call in it
    expect(fx.ws.forms.snapshot(before[0].id).items[0].choices).toEqual(before[0].items[0].choices);
    expect(prop(fx, 'services.pending')).not.toBeNull();
    // no setup run: the next hourly sweep (at most an hour later) carries the edit
    fx.ws.script.runClockUntil(fx.ws.core.now() + 3_600_000);
    expect(prop(fx, 'services.pending')).toBeNull();
    // The new service goes above "other", which stays last (issue 19).
    const renamed = DEFAULT_SERVICES.map((s) => (s.code === 'newborn' ? 'ახალშობილის დახმარება' : s.ka));
    const wanted = [...renamed.slice(0, -1), 'ახალგაზრდული პროგრამა', renamed[renamed.length - 1]];
    [N1, N2].forEach((def, k) => {
      const after = fx.ws.forms.snapshot(formRecord(fx, def.key).id);
      expect(after.id).toBe(before[k].id);
      expect(after.items.map((i) => i.id)).toEqual(before[k].items.map((i) => i.id));
      expect(after.items[0].choices).toEqual(wanted);
      expectMatchesDefinition(after, def, wanted);
    });
    expect(fx.ws.forms.snapshot(before[0].id).responseCount).toBe(1);
    expect(tabValues(fx, TABS.feedback.name)).toHaveLength(2);
    // the new service has its N2 link too
    const added = tabValues(fx, TABS.services.name).find((r) => r[0] === 'youth');
    expect(fx.ws.forms.expandShortLink(String(added?.[3]))).toContain('viewform?');
    // the paper form's service list follows as well
    const paperDocId = prop(fx, 'print.paper.N1')!;
    const text = JSON.stringify(fx.ws.docs.toJson(paperDocId).body);
    expect(text).toContain('ახალგაზრდული პროგრამა');
    // a later setup run finds nothing left to change
    fx.click(SETUP);
    expect(fx.ws.forms.snapshot(before[0].id).items[0].choices).toEqual(wanted);
    expect(fx.ws.core.triggerFailures).toEqual([]);
  });

  it('a run killed while making a form ends, when re-run, with one complete form of each kind', () => {
    const fx2 = freshWorkbook();
    let scaleItems = 0;
    fx2.ws.core.faultHook = (service, method) => {
      if (service === 'FormApp' && method === 'addScaleItem' && ++scaleItems === 3) throw new Error('Service unavailable: Forms');
    };
    fx2.click(SETUP);
    expect(fx2.ws.spreadsheets.ui.shown[0].message).toContain('შეცდომა');
    fx2.ws.core.faultHook = null;
    fx2.click(SETUP);
    const forms = liveForms(fx2);
    expect(forms.map((f) => f.title).sort()).toEqual([N1.title, N2.title].sort());
    for (const def of [N1, N2])
      expectMatchesDefinition(
        fx2.ws.forms.snapshot(formRecord(fx2, def.key).id),
        def,
        DEFAULT_SERVICES.map((s) => s.ka),
      );
    // Edit, hourly, daily, and one form-submit trigger on each form.
    expect(fx2.ws.core.triggers).toHaveLength(5);
  });
});

describe('the themes tab of a workbook set up by the first version', () => {
  it('gets the codes of themes.md once: old ids renamed, the missing default themes added, staff rows kept', () => {
    const fx = setUpWorkbook();
    const tab = (): string[][] => tabValues(fx, TABS.themes.name).map((row) => row.slice(0, 3).map(String));
    const rows = tab().length - 1;
    // The first version's tab, with a theme staff added.
    const old = [
      ['waiting', 'რიგი და ლოდინი', 'რიგ, ლოდინ'],
      ['documents', 'დოკუმენტები', 'დოკუმენტ'],
      ['staff_attitude', 'თანამშრომლები', 'თანამშრომ'],
      ['parking', 'პარკინგი', 'პარკ'],
    ];
    fx.ws.spreadsheets.userEdit(fx.spreadsheetId, TABS.themes.name, `A2:C${rows + 1}`, [
      ...old,
      ...Array.from({ length: rows - old.length }, () => ['', '', '']),
    ]);
    fx.click(SETUP);
    const after = tab();
    expect(after.slice(1, 5)).toEqual([
      ['queue', 'რიგი და ლოდინი', 'რიგ, ლოდინ'],
      ['documents', 'დოკუმენტები', 'დოკუმენტ'],
      ['staff', 'თანამშრომლები', 'თანამშრომ'],
      ['parking', 'პარკინგი', 'პარკ'],
    ]);
    expect(after.slice(5).map((row) => row[0])).toEqual(['decision_time', 'payment_delay', 'information', 'aid_amount', 'eligibility', 'access', 'online']);
    fx.click(SETUP);
    expect(tab()).toEqual(after);
  });
});
