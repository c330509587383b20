/**
 * Google tracks a form's response tab itself, not its name: a renamed tab keeps receiving rows,
 * and Sheet.getFormUrl() names the form that writes there.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getFormUrl()
 */
import type { Workspace } from '../workspace';
import { newWorkspace } from './support';

function setUp(): { ws: Workspace; ssId: string; formId: string } {
  const ws = newWorkspace({ now: '2026-01-05T09:00:00+04:00' });
  const ssId = ws.spreadsheets.create('book').getId();
  const form = ws.forms.app.create('F');
  form.addScaleItem().setTitle('Score').setBounds(1, 5);
  form.setDestination(ws.forms.app.DestinationType.SPREADSHEET, ssId);
  form.setPublished(true);
  return { ws, ssId, formId: form.getId() };
}

describe('form response tab', () => {
  it('is linked to its form and keeps receiving rows after a rename', () => {
    const { ws, ssId, formId } = setUp();
    const sheet = ws.spreadsheets.byId(ssId).getSheetByName('Form Responses 1')!;
    expect(sheet.getFormUrl()).toContain(formId);
    expect(ws.spreadsheets.byId(ssId).getSheetByName('Sheet1')!.getFormUrl()).toBeNull();
    sheet.setName('N1 — responses');
    ws.forms.respond(formId, { Score: 4 });
    const tab = ws.spreadsheets.snapshot(ssId).tabs.find((t) => t.name === 'N1 — responses')!;
    expect(tab.values).toHaveLength(2);
    expect(tab.values[1][1]).toBe(4);
  });

  it('is unlinked by removeDestination and gets no more rows', () => {
    const { ws, ssId, formId } = setUp();
    ws.forms.app.openById(formId).removeDestination();
    expect(ws.spreadsheets.byId(ssId).getSheetByName('Form Responses 1')!.getFormUrl()).toBeNull();
    ws.forms.respond(formId, { Score: 2 });
    expect(ws.spreadsheets.snapshot(ssId).tabs.find((t) => t.name === 'Form Responses 1')!.values).toHaveLength(1);
  });
});
