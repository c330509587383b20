import { AUTH_MODE } from '../gas-enum';
import type { TriggerRecord } from '../core';
import type { FormDestinationStore } from '../contracts';
import { FormsService } from '../forms';
import { newCore } from './support';

/** Records what the Forms fake asks of the spreadsheet side. */
class RecordingDestinations implements FormDestinationStore {
  readonly spreadsheets = new Set<string>(['ss-1']);
  readonly created: Array<{ spreadsheetId: string; titles: string[] }> = [];
  readonly rows: Array<{ spreadsheetId: string; sheetName: string; timestamp: Date; answers: Array<[string, unknown]> }> = [];

  exists(spreadsheetId: string): boolean {
    return this.spreadsheets.has(spreadsheetId);
  }
  createResponseSheet(spreadsheetId: string, questionTitles: string[]): string {
    this.created.push({ spreadsheetId, titles: [...questionTitles] });
    return 'Form Responses 1';
  }
  appendResponseRow(spreadsheetId: string, sheetName: string, timestamp: Date, answersByTitle: Array<[string, unknown]>) {
    this.rows.push({ spreadsheetId, sheetName, timestamp, answers: answersByTitle });
    const row = this.rows.length + 1;
    return { row, a1: `A${row}:Z${row}`, values: [timestamp, ...answersByTitle.map(([, value]) => value)] };
  }
  rangeFor(spreadsheetId: string, sheetName: string, a1: string): GoogleAppsScript.Spreadsheet.Range {
    return { a1, sheetName, spreadsheetId } as unknown as GoogleAppsScript.Spreadsheet.Range;
  }
  spreadsheetFor(spreadsheetId: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return { spreadsheetId } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }
}

interface Fired {
  handler: string;
  event: Record<string, unknown>;
}

function setup() {
  const core = newCore({ now: '2026-01-05T09:00:00+04:00' });
  const destinations = new RecordingDestinations();
  const forms = new FormsService(core, destinations);
  const fired: Fired[] = [];
  core.invoker = (handler, event) => fired.push({ handler, event: event as Record<string, unknown> });
  const addTrigger = (handler: string, sourceId: string, sourceKind: TriggerRecord['sourceKind']) =>
    core.triggers.push({ id: `uid-${handler}`, handler, eventType: 'ON_FORM_SUBMIT', sourceId, sourceKind, createdBy: core.user });
  return { core, destinations, forms, FormApp: forms.app, fired, addTrigger };
}

const SERVICES = ['Café permit', 'Other'];

/** A small N1-like form: a required list, a choice with Other, a required 1–5 scale, a checkbox, a paragraph. */
function buildForm(FormApp: ReturnType<typeof setup>['FormApp']) {
  const form = FormApp.create('Feedback').setTitle('Feedback');
  form.setPublished(true);
  const service = form.addListItem().setTitle('service').setChoiceValues(SERVICES).setRequired(true);
  const heard = form.addMultipleChoiceItem().setTitle('heard').setChoiceValues(['web', 'staff']).showOtherOption(true);
  form.addSectionHeaderItem().setTitle('Ratings');
  const overall = form.addScaleItem().setTitle('overall').setBounds(1, 5).setLabels('bad', 'good').setRequired(true);
  const topics = form.addCheckboxItem().setTitle('topics').setChoiceValues(['wait', 'docs', 'staff']);
  const improve = form.addParagraphTextItem().setTitle('improve').setHelpText('free text');
  return { form, service, heard, overall, topics, improve };
}

describe('FormApp.create and form settings', () => {
  test('a new form: Google defaults, Drive file, URL formats', () => {
    const { core, FormApp } = setup();
    const form = FormApp.create('Survey');
    expect(form.collectsEmail()).toBe(false);
    expect(form.requiresLogin()).toBe(false);
    expect(form.isAcceptingResponses()).toBe(true);
    expect(form.isPublished()).toBe(false);
    expect(form.getDescription()).toBe('');
    expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${form.getId()}/edit`);
    expect(form.getPublishedUrl()).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/1FAIpQL[A-Za-z0-9_-]{49}\/viewform$/);
    expect(form.getPublishedUrl()).not.toContain(form.getId());
    expect(form.shortenFormUrl(form.getPublishedUrl())).toMatch(/^https:\/\/forms\.gle\/[A-Za-z0-9_-]+$/);
    expect(core.drive.get(form.getId())).toMatchObject({ kind: 'form', mimeType: 'application/vnd.google-apps.form', name: 'Survey' });
    expect(core.calls.get('FormApp.create')).toBe(1);
  });

  test('setters chain and read back (the sign-in settings on a Workspace account: environment.test.ts)', () => {
    const { FormApp } = setup();
    const form = FormApp.create('x')
      .setTitle('T')
      .setDescription('D')
      .setConfirmationMessage('Thanks')
      .setCollectEmail(true)
      .setAllowResponseEdits(false)
      .setShowLinkToRespondAgain(false)
      .setProgressBar(true)
      .setAcceptingResponses(false);
    expect([form.getTitle(), form.getDescription(), form.getConfirmationMessage()]).toEqual(['T', 'D', 'Thanks']);
    expect(form.collectsEmail()).toBe(true);
    expect(form.isAcceptingResponses()).toBe(false);
  });

  test("openById / openByUrl find the form; unknown ids throw Google's message; no active form", () => {
    const { FormApp } = setup();
    const form = FormApp.create('x').setTitle('x');
    expect(FormApp.openById(form.getId()).getTitle()).toBe('x');
    expect(FormApp.openByUrl(form.getEditUrl()).getId()).toBe(form.getId());
    expect(() => FormApp.openById('nope')).toThrow(/^No item with the given ID could be found/);
    expect(() => FormApp.openByUrl(form.getPublishedUrl())).toThrow(/No item with the given ID/);
    expect(FormApp.getActiveForm()).toBeNull();
  });
});

describe('items', () => {
  test('items hold what was built: types, bounds, labels, choices, required, ids', () => {
    const { FormApp } = setup();
    const { form, service, overall, heard } = buildForm(FormApp);
    const items = form.getItems();
    expect(items.map((item) => String(item.getType()))).toEqual(['LIST', 'MULTIPLE_CHOICE', 'SECTION_HEADER', 'SCALE', 'CHECKBOX', 'PARAGRAPH_TEXT']);
    expect(items[3].getType()).toBe(FormApp.ItemType.SCALE);
    expect(items[3].getType() === ('SCALE' as unknown)).toBe(false);
    const scale = items[3].asScaleItem();
    expect([scale.getLowerBound(), scale.getUpperBound(), scale.getLeftLabel(), scale.getRightLabel()]).toEqual([1, 5, 'bad', 'good']);
    expect(scale.isRequired()).toBe(true);
    expect(
      items[0]
        .asListItem()
        .getChoices()
        .map((c) => c.getValue()),
    ).toEqual(SERVICES);
    expect(service.isRequired()).toBe(true);
    expect(heard.hasOtherOption()).toBe(true);
    expect(items[5].getHelpText()).toBe('free text');
    expect(overall.getIndex()).toBe(3);
    for (const item of items) expect(String(item.getId())).toMatch(/^\d{9,10}$/);
    expect(new Set(items.map((item) => item.getId())).size).toBe(items.length);
    expect(form.getItemById(overall.getId())?.getTitle()).toBe('overall');
    expect(form.getItemById(42)).toBeNull();
    expect(form.getItems(FormApp.ItemType.SCALE).map((item) => item.getTitle())).toEqual(['overall']);
  });

  test('a new scale runs 1–5; setBounds enforces lower 0|1 and upper 3..10', () => {
    const { FormApp } = setup();
    const scale = FormApp.create('x').addScaleItem();
    expect([scale.getLowerBound(), scale.getUpperBound()]).toEqual([1, 5]);
    expect(() => scale.setBounds(2, 5)).toThrow('Invalid data updating form.');
    expect(() => scale.setBounds(1, 2)).toThrow('Invalid data updating form.');
    expect(() => scale.setBounds(1, 11)).toThrow('Invalid data updating form.');
    scale.setBounds(0, 10);
    expect([scale.getLowerBound(), scale.getUpperBound()]).toEqual([0, 10]);
  });

  test("casting to the wrong type throws Google's conversion error", () => {
    const { FormApp } = setup();
    const form = FormApp.create('x');
    form.addPageBreakItem().setTitle('page');
    const [page] = form.getItems();
    expect(() => page.asListItem()).toThrow('Invalid conversion for item type: PAGE_BREAK');
    expect(page.asPageBreakItem().getTitle()).toBe('page');
  });

  test('choice lists may not be empty', () => {
    const { FormApp } = setup();
    expect(() => FormApp.create('x').addListItem().setChoiceValues([])).toThrow('Invalid data updating form.');
  });

  test('deleteItem and moveItem by index and by item; stale indexes throw', () => {
    const { FormApp } = setup();
    const form = FormApp.create('x');
    form.addTextItem().setTitle('a');
    form.addTextItem().setTitle('b');
    form.addTextItem().setTitle('c');
    form.moveItem(form.getItems()[0], 2);
    expect(form.getItems().map((item) => item.getTitle())).toEqual(['b', 'c', 'a']);
    form.deleteItem(0);
    form.deleteItem(form.getItems()[1]);
    expect(form.getItems().map((item) => item.getTitle())).toEqual(['c']);
    expect(() => form.deleteItem(1)).toThrow('Cannot access item at index: 1. Number of items: 1');
  });
});

describe('responses from script', () => {
  test('createResponse validates values; getResponse gives strings (string[] for checkboxes)', () => {
    const { FormApp } = setup();
    const { form, overall, topics, service } = buildForm(FormApp);
    expect(() => overall.createResponse(6)).toThrow();
    expect(() => service.createResponse('not a service')).toThrow();
    const response = form
      .createResponse()
      .withItemResponse(overall.createResponse(4))
      .withItemResponse(topics.createResponse(['wait', 'docs']))
      .withItemResponse(service.createResponse(SERVICES[0]));
    expect(response.getId()).toBeNull();
    response.submit();
    expect(response.getId()).toMatch(/^2_ABaOnu/);
    const byTitle = Object.fromEntries(response.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()]));
    expect(byTitle).toEqual({ service: SERVICES[0], overall: '4', topics: ['wait', 'docs'] });
    expect(response.getResponseForItem(form.getItems()[5])).toBeNull();
    expect(response.getRespondentEmail()).toBe('');
    expect(response.getEditResponseUrl()).toBe(`${form.getPublishedUrl()}?edit2=${response.getId()}`);
    expect(() => response.submit()).toThrow();
    expect(form.getResponse(response.getId()).getTimestamp()).toEqual(response.getTimestamp());
  });

  test('submit() writes the destination row but fires no form-submit trigger', () => {
    const { FormApp, destinations, fired, addTrigger } = setup();
    const { form, service, overall } = buildForm(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    addTrigger('onFormSubmitForm', form.getId(), 'FORMS');
    addTrigger('onFormSubmitSheet', 'ss-1', 'SPREADSHEETS');
    form.createResponse().withItemResponse(service.createResponse(SERVICES[1])).withItemResponse(overall.createResponse(5)).submit();
    expect(destinations.rows).toHaveLength(1);
    expect(fired).toHaveLength(0);
  });

  test('getResponses(timestamp) returns responses at or after the time', () => {
    const { core, FormApp, forms } = setup();
    const { form } = buildForm(FormApp);
    forms.respond(form.getId(), { service: SERVICES[0], overall: 3 });
    core.advance(60_000);
    const cut = new Date(core.now());
    forms.respond(form.getId(), { service: SERVICES[1], overall: 4 });
    core.advance(60_000);
    forms.respond(form.getId(), { service: SERVICES[1], overall: 5 });
    expect(form.getResponses()).toHaveLength(3);
    expect(form.getResponses(cut).map((r) => r.getItemResponses()[1].getResponse())).toEqual(['4', '5']);
    form.deleteAllResponses();
    expect(form.getResponses()).toHaveLength(0);
  });
});

describe('prefilled URLs', () => {
  test("toPrefilledUrl uses Google's format and encoding", () => {
    const { FormApp } = setup();
    const { form, service, heard, topics } = buildForm(FormApp);
    const url = form
      .createResponse()
      .withItemResponse(service.createResponse(SERVICES[0]))
      .withItemResponse(heard.createResponse('a friend (neighbour)'))
      .withItemResponse(topics.createResponse(['wait', 'docs']))
      .toPrefilledUrl();
    expect(url.startsWith(`${form.getPublishedUrl()}?usp=pp_url&entry.`)).toBe(true);
    expect(url).toContain(`=${encodeURIComponent(SERVICES[0]).replace(/%20/g, '+')}`);
    expect(url).toMatch(/&entry\.\d+=__other_option__&entry\.\d+\.other_option_response=a\+friend\+\(neighbour\)/);
    expect(url).toMatch(/&entry\.(\d+)=wait&entry\.\1=docs$/);
  });

  test('a prefilled URL round-trips through respond(); entry ids differ from item ids', () => {
    const { FormApp, forms } = setup();
    const { form, service, heard } = buildForm(FormApp);
    const url = form.createResponse().withItemResponse(service.createResponse(SERVICES[0])).withItemResponse(heard.createResponse('a friend')).toPrefilledUrl();
    const snapshot = forms.snapshot(form.getId());
    const serviceEntry = snapshot.items[0].entryId;
    expect(serviceEntry).not.toBe(snapshot.items[0].id);
    expect(url).toContain(`entry.${serviceEntry}=`);
    const response = forms.respond(form.getId(), { overall: 5 }, { prefilledUrl: url });
    const byTitle = Object.fromEntries(response.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()]));
    expect(byTitle).toEqual({ service: SERVICES[0], heard: 'a friend', overall: '5' });
  });
});

describe('shortenFormUrl: forms.gle links', () => {
  test('each long URL gets its own stable short link, which opens it with its prefilled values', () => {
    const { FormApp, forms } = setup();
    const { form, service } = buildForm(FormApp);
    const first = form.createResponse().withItemResponse(service.createResponse(SERVICES[0])).toPrefilledUrl();
    const second = form.createResponse().withItemResponse(service.createResponse(SERVICES[1])).toPrefilledUrl();
    const short = form.shortenFormUrl(first);
    expect(short).toMatch(/^https:\/\/forms\.gle\/[A-Za-z0-9]{10,}$/);
    expect(form.shortenFormUrl(first)).toBe(short);
    expect(form.shortenFormUrl(second)).not.toBe(short);
    expect(form.shortenFormUrl(form.getPublishedUrl())).not.toBe(short);
    const response = forms.respond(form.getId(), { overall: 4 }, { prefilledUrl: short });
    const byTitle = Object.fromEntries(response.getItemResponses().map((r) => [r.getItem().getTitle(), r.getResponse()]));
    expect(byTitle.service).toBe(SERVICES[0]);
  });

  test('a URL that is not Google Forms’ is refused', () => {
    const { FormApp } = setup();
    const { form } = buildForm(FormApp);
    expect(() => form.shortenFormUrl('https://example.org/form')).toThrow(/Invalid argument/);
  });
});

describe('respond(): a respondent in the browser', () => {
  test('refuses what the form page refuses', () => {
    const { FormApp, forms } = setup();
    const { form } = buildForm(FormApp);
    const id = form.getId();
    expect(() => forms.respond(id, { service: SERVICES[0] })).toThrow('"overall": This is a required question');
    expect(() => forms.respond(id, { service: SERVICES[0], overall: 6 })).toThrow(/"overall": 6 is not on the scale 1–5/);
    expect(() => forms.respond(id, { service: 'elsewhere', overall: 3 })).toThrow(/"service": "elsewhere" is not one of its choices/);
    expect(() => forms.respond(id, { service: SERVICES[0], overall: 3, topics: ['wait', 'parking'] })).toThrow(/"topics"/);
    expect(() => forms.respond(id, { nonsense: 'x' })).toThrow(/no item titled or numbered "nonsense"/);
    expect(forms.respond(id, { service: SERVICES[0], overall: '3', heard: 'a neighbour' }).getItemResponses()).toHaveLength(3);
    form.setAcceptingResponses(false);
    expect(() => forms.respond(id, { service: SERVICES[0], overall: 3 })).toThrow('is no longer accepting responses');
  });

  test('an unpublished form takes no responses', () => {
    const { FormApp, forms } = setup();
    const form = FormApp.create('draft');
    form.addTextItem().setTitle('q');
    expect(() => forms.respond(form.getId(), { q: 'a' })).toThrow('is no longer accepting responses');
  });

  test('answers may be keyed by item id', () => {
    const { FormApp, forms } = setup();
    const { form, service, overall } = buildForm(FormApp);
    const response = forms.respond(form.getId(), { [String(service.getId())]: SERVICES[1], [String(overall.getId())]: 2 });
    expect(response.getItemResponses().map((r) => r.getResponse())).toEqual([SERVICES[1], '2']);
  });

  test('destination: response sheet created with question titles; rows use current titles', () => {
    const { FormApp, forms, destinations } = setup();
    const { form, improve } = buildForm(FormApp);
    expect(() => form.setDestination(FormApp.DestinationType.SPREADSHEET, 'missing')).toThrow(/No item with the given ID/);
    expect(() => form.getDestinationId()).toThrow('The form currently has no response destination.');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    expect(form.getDestinationId()).toBe('ss-1');
    expect(String(form.getDestinationType())).toBe('SPREADSHEET');
    expect(destinations.created).toEqual([{ spreadsheetId: 'ss-1', titles: ['service', 'heard', 'overall', 'topics', 'improve'] }]);
    improve.setTitle('what to improve');
    forms.respond(form.getId(), { service: SERVICES[0], overall: 4, topics: ['wait', 'staff'], 'what to improve': 'queue' });
    expect(destinations.rows[0].sheetName).toBe('Form Responses 1');
    expect(destinations.rows[0].answers).toEqual([
      ['service', SERVICES[0]],
      ['heard', ''],
      ['overall', 4],
      ['topics', 'wait, staff'],
      ['what to improve', 'queue'],
    ]);
    form.removeDestination();
    forms.respond(form.getId(), { service: SERVICES[0], overall: 4 });
    expect(destinations.rows).toHaveLength(1);
  });

  test("fires the form trigger then the spreadsheet trigger, with Google's event objects", () => {
    const { FormApp, forms, fired, addTrigger } = setup();
    const { form } = buildForm(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    addTrigger('onSheetSubmit', 'ss-1', 'SPREADSHEETS');
    addTrigger('onFormSubmit', form.getId(), 'FORMS');
    const response = forms.respond(form.getId(), { service: SERVICES[0], overall: 4, topics: ['wait', 'docs'] });
    expect(fired.map((f) => f.handler)).toEqual(['onFormSubmit', 'onSheetSubmit']);

    const formEvent = fired[0].event;
    expect(Object.keys(formEvent).sort()).toEqual(['authMode', 'response', 'source', 'triggerUid']);
    expect(formEvent.authMode).toBe(AUTH_MODE.FULL);
    expect(formEvent.triggerUid).toBe('uid-onFormSubmit');
    expect((formEvent.response as GoogleAppsScript.Forms.FormResponse).getId()).toBe(response.getId());
    expect((formEvent.source as GoogleAppsScript.Forms.Form).getId()).toBe(form.getId());

    const sheetEvent = fired[1].event;
    expect(Object.keys(sheetEvent).sort()).toEqual(['authMode', 'namedValues', 'range', 'triggerUid', 'values']);
    // 09:00 local time (UTC+4), the sheet's M/d/yyyy H:mm:ss display.
    expect(sheetEvent.values).toEqual(['1/5/2026 9:00:00', SERVICES[0], '', '4', 'wait, docs', '']);
    expect(sheetEvent.namedValues).toEqual({
      Timestamp: ['1/5/2026 9:00:00'],
      service: [SERVICES[0]],
      heard: [''],
      overall: ['4'],
      topics: ['wait, docs'],
      improve: [''],
    });
    expect(sheetEvent.range).toMatchObject({ spreadsheetId: 'ss-1', sheetName: 'Form Responses 1', a1: 'A2:Z2' });
  });

  test('duplicateEvent delivers every form-submit trigger twice', () => {
    const { FormApp, forms, fired, addTrigger } = setup();
    const { form } = buildForm(FormApp);
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    addTrigger('onFormSubmit', form.getId(), 'FORMS');
    addTrigger('onSheetSubmit', 'ss-1', 'SPREADSHEETS');
    forms.respond(form.getId(), { service: SERVICES[0], overall: 4 }, { duplicateEvent: true });
    expect(fired.map((f) => f.handler)).toEqual(['onFormSubmit', 'onFormSubmit', 'onSheetSubmit', 'onSheetSubmit']);
    expect(form.getResponses()).toHaveLength(1);
  });

  test('a form collecting email needs one and records it', () => {
    const { FormApp, forms, destinations } = setup();
    const form = FormApp.create('x').setCollectEmail(true).setPublished(true);
    form.addTextItem().setTitle('q');
    form.setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    expect(destinations.created[0].titles).toEqual(['Email Address', 'q']);
    expect(() => forms.respond(form.getId(), { q: 'a' })).toThrow(/Email/);
    const response = forms.respond(form.getId(), { q: 'a' }, { email: 'a@example.com' });
    expect(response.getRespondentEmail()).toBe('a@example.com');
    expect(destinations.rows[0].answers[0]).toEqual(['Email Address', 'a@example.com']);
  });
});

describe('snapshot and list', () => {
  test('snapshot: the form as data', () => {
    const { FormApp, forms } = setup();
    const { form } = buildForm(FormApp);
    form.setDescription('intro').setDestination(FormApp.DestinationType.SPREADSHEET, 'ss-1');
    forms.respond(form.getId(), { service: SERVICES[0], overall: 4 });
    const snapshot = forms.snapshot(form.getId());
    expect(snapshot).toMatchObject({
      id: form.getId(),
      title: 'Feedback',
      description: 'intro',
      publishedUrl: form.getPublishedUrl(),
      editUrl: form.getEditUrl(),
      collectsEmail: false,
      requiresLogin: false,
      acceptingResponses: true,
      confirmationMessage: '',
      destinationSpreadsheetId: 'ss-1',
      responseCount: 1,
    });
    expect(snapshot.items[0]).toEqual({
      id: expect.any(Number),
      entryId: expect.any(Number),
      title: 'service',
      helpText: '',
      type: 'LIST',
      required: true,
      choices: SERVICES,
    });
    expect(snapshot.items[1]).toMatchObject({ type: 'MULTIPLE_CHOICE', hasOtherOption: true, choices: ['web', 'staff'] });
    expect(snapshot.items[2]).toMatchObject({ type: 'SECTION_HEADER', title: 'Ratings', required: false });
    expect(snapshot.items[3]).toMatchObject({ type: 'SCALE', lowerBound: 1, upperBound: 5, leftLabel: 'bad', rightLabel: 'good' });
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(forms.list().map((s) => s.id)).toEqual([form.getId()]);
  });
});
