/**
 * A form as its own raw response store: who may open it and read the responses (its owner and
 * editors, https://support.google.com/docs/answer/139706), getResponses(timestamp), stable
 * response ids, an unlinked form, and the form's own submit trigger with `e.response`.
 * https://developers.google.com/apps-script/reference/forms/form#getResponses(Date)
 * https://developers.google.com/apps-script/guides/triggers/events#form-submit_1
 */
import type { Workspace } from '../workspace';
import { OWNER, newWorkspace } from './support';

const CLERK = 'clerk@example.com';

function setUp(): { ws: Workspace; formId: string; itemId: number } {
  const ws = newWorkspace({ now: '2026-01-05T09:00:00+04:00' });
  const form = ws.forms.app.create('F');
  const itemId = form.addScaleItem().setTitle('Score').setBounds(1, 5).getId();
  form.setPublished(true);
  return { ws, formId: form.getId(), itemId };
}

const as = <T>(ws: Workspace, user: string, fn: () => T): T => ws.core.runExecution('test', 'direct', fn, user);

describe('who may open a form and read its responses', () => {
  it('its owner; another account is told the form is not found, as for a missing id', () => {
    const { ws, formId } = setUp();
    ws.forms.respond(formId, { Score: 4 });
    expect(as(ws, OWNER, () => ws.forms.app.openById(formId).getResponses())).toHaveLength(1);
    expect(() => as(ws, CLERK, () => ws.forms.app.openById(formId))).toThrow(/No item with the given ID could be found/);
    expect(() => as(ws, CLERK, () => ws.forms.app.openByUrl(`https://docs.google.com/forms/d/${formId}/edit`))).toThrow(/No item with the given ID/);
  });

  it('an editor the form is shared with may; a respondent (a permission on the published view) may not', () => {
    const { ws, formId } = setUp();
    const drive = ws.core.drive.get(formId)!;
    drive.permissions = [...(drive.permissions ?? []), { id: 'p1', type: 'user', role: 'reader', view: 'published', emailAddress: CLERK }];
    expect(() => as(ws, CLERK, () => ws.forms.app.openById(formId))).toThrow(/No item with the given ID/);
    drive.permissions.push({ id: 'p2', type: 'user', role: 'writer', emailAddress: CLERK });
    expect(as(ws, CLERK, () => ws.forms.app.openById(formId).getId())).toBe(formId);
  });
});

describe('responses read from the form', () => {
  it('have stable ids and Google timestamps; getResponses(date) returns those at or after it, the boundary included', () => {
    const { ws, formId, itemId } = setUp();
    ws.forms.respond(formId, { Score: 1 });
    ws.core.advance(60_000);
    ws.forms.respond(formId, { Score: 2 });
    ws.core.advance(60_000);
    ws.forms.respond(formId, { Score: 3 });
    const form = ws.forms.app.openById(formId);
    const all = form.getResponses();
    expect(all.map((r) => r.getItemResponses()[0].getResponse())).toEqual(['1', '2', '3']);
    expect(all[0].getItemResponses()[0].getItem().getId()).toBe(itemId);
    expect(form.getResponses().map((r) => r.getId())).toEqual(all.map((r) => r.getId()));
    const since = form.getResponses(all[1].getTimestamp());
    expect(since.map((r) => r.getId())).toEqual([all[1].getId(), all[2].getId()]);
    expect(form.getResponse(all[2].getId()).getTimestamp().getTime()).toBe(all[2].getTimestamp().getTime());
  });

  it('an unlinked form has no destination: getDestinationId throws; removeDestination on it changes nothing', () => {
    const { ws, formId } = setUp();
    const form = ws.forms.app.openById(formId);
    expect(() => form.getDestinationId()).toThrow('The form currently has no response destination.');
    form.removeDestination();
    ws.forms.respond(formId, { Score: 5 });
    expect(form.getResponses()).toHaveLength(1);
    expect(ws.forms.snapshot(formId).destinationSpreadsheetId).toBeNull();
  });

  it("the form's own submit trigger runs as its installer, with the response and the form", () => {
    const { ws, formId } = setUp();
    const seen: Array<{ user: string | undefined; id: string; source: string }> = [];
    ws.core.invoker = (_handler, event) => {
      const e = event as GoogleAppsScript.Events.FormsOnFormSubmit;
      seen.push({ user: ws.core.current()?.user, id: e.response.getId(), source: e.source.getId() });
      return undefined;
    };
    (ws.script.app as unknown as GoogleAppsScript.Script.ScriptApp).newTrigger('onFormResponse').forForm(formId).onFormSubmit().create();
    const response = ws.forms.respond(formId, { Score: 3 });
    expect(seen).toEqual([{ user: OWNER, id: response.getId(), source: formId }]);
  });
});
