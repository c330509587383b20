/**
 * The built bundle (dist/Code.js) as Apps Script sees it: one plain script whose top-level
 * functions are what menus and triggers call by name. Run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MENU_ITEMS, MENU_TITLE } from '../src/app/menu';
import { TRIGGERS } from '../src/app/setup';
import { freshWorkbook } from './support/workbook';

const code = readFileSync(join(__dirname, '..', 'dist', 'Code.js'), 'utf8');
const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'appsscript.json'), 'utf8')) as {
  oauthScopes: string[];
  timeZone: string;
  dependencies?: { enabledAdvancedServices?: Array<{ userSymbol: string; serviceId: string; version: string }> };
};

/**
 * What each service the bundle calls needs, from the "Authorization" section of each method's
 * reference page (developers.google.com/apps-script/reference/...). With an explicit oauthScopes
 * list, a call whose scope is missing fails at run time, and a listed scope nothing uses is
 * privilege the municipality grants for nothing.
 */
const SCOPE_USES: Array<{ scope: string; use: RegExp }> = [
  // the bound workbook only: SpreadsheetApp.getActive…, never openById/openByUrl/create
  { scope: 'spreadsheets.currentonly', use: /\bSpreadsheetApp\.getActive(Spreadsheet)?\(/ },
  { scope: 'forms', use: /\bFormApp\.(create|openById)\(/ },
  { scope: 'documents', use: /\bDocumentApp\.(create|openById)\(/ },
  // the Advanced Drive service on files the app made (every v3 method used lists drive.file); never DriveApp
  { scope: 'drive.file', use: /\bFiles\.(create|get|update|list|remove)\(|\bPermissions\.(create|list)\(/ },
  { scope: 'script.send_mail', use: /\bMailApp\.sendEmail\(/ },
  // the SMS gateway's HTTP API (issue 17), and nothing else
  { scope: 'script.external_request', use: /\bUrlFetchApp\.fetch\(/ },
  { scope: 'script.scriptapp', use: /\bScriptApp\.(newTrigger|getProjectTriggers|deleteTrigger)\(/ },
  { scope: 'script.container.ui', use: /\.getUi\(\)/ },
  // Session.getEffectiveUser(): the protections keep the script's own account as an editor
  { scope: 'userinfo.email', use: /\bSession\.(getEffectiveUser|getActiveUser)\(/ },
];

describe('dist/Code.js', () => {
  it('is a plain script: no module syntax, no require, no syntax Apps Script V8 refuses', () => {
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toContain('require(');
    // private #fields and static class fields (Apps Script's V8 rejects them)
    expect(code).not.toMatch(/this\.#[A-Za-z_]/);
    expect(code).not.toMatch(/^\s*static\s+[A-Za-z_$][\w$]*\s*=/m);
  });

  it('defines every menu and trigger handler as a top-level function', () => {
    const { ws } = freshWorkbook();
    const context = ws.bundle();
    const handlers = ['onOpen', ...MENU_ITEMS.flatMap((item) => (item === 'separator' ? [] : [item.handler])), ...TRIGGERS.map((t) => t.handler)];
    expect(handlers.length).toBeGreaterThan(10);
    const missing = handlers.filter((name) => typeof context[name] !== 'function');
    expect(missing).toEqual([]);
    // and each is a declaration at the top of the file, which is what Apps Script lists and calls
    for (const name of handlers) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  it('onOpen builds the Georgian menu with every item wired to its handler', () => {
    const { ws } = freshWorkbook();
    const menus = ws.spreadsheets.ui.menus;
    expect(menus.map((m) => m.caption)).toEqual([MENU_TITLE]);
    const expected = MENU_ITEMS.map((item) => (item === 'separator' ? { separator: true } : { caption: item.caption, functionName: item.handler }));
    expect(menus[0].items).toEqual(expected);
    expect(ws.core.logs.filter((l) => l.startsWith('[ERROR]'))).toEqual([]);
  });

  it('asks for exactly the OAuth scopes its calls need (least privilege), in Tbilisi time', () => {
    const listed = manifest.oauthScopes.map((url) => url.replace('https://www.googleapis.com/auth/', '')).sort();
    const needed = SCOPE_USES.filter((s) => s.use.test(code))
      .map((s) => s.scope)
      .sort();
    expect(listed).toEqual(needed);
    // calls that would need a broader scope than the list grants
    expect(code).not.toMatch(/\bSpreadsheetApp\.(openById|openByUrl|open|create)\(/);
    expect(code).not.toMatch(/\b(GmailApp|CalendarApp|ContactsApp|HtmlService)\b/);
    // DriveApp accepts only the full drive scope (or drive.readonly for reading): not one call of it
    expect(code).not.toMatch(/\bDriveApp\b/);
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
    // URL Fetch only in the SMS gateway adapter, to the three gateways' hosts
    expect(code.match(/\bUrlFetchApp\.\w+/g)).toEqual(['UrlFetchApp.fetch']);
    const hosts = [...new Set(code.match(/https:\/\/[a-z.]*(smsoffice|gosms|twilio)[a-z.]*/g) ?? [])].sort();
    expect(hosts).toEqual(['https://api.gosms.ge', 'https://api.twilio.com', 'https://smsoffice.ge']);
    expect(manifest.timeZone).toBe('Asia/Tbilisi');
    expect(readFileSync(join(__dirname, '..', 'dist', 'appsscript.json'), 'utf8')).toBe(readFileSync(join(__dirname, '..', 'appsscript.json'), 'utf8'));
  });

  it('enables exactly the advanced services it calls: Drive v3, for who may answer the forms', () => {
    expect(code).toMatch(/\bPermissions\.(create|list)\(/);
    expect(manifest.dependencies?.enabledAdvancedServices).toEqual([{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }]);
  });

  it("adds drive.readonly for the association's workbook only, and nothing else", () => {
    const national = JSON.parse(readFileSync(join(__dirname, '..', 'scripts', 'national-scopes.json'), 'utf8')) as { addScopes: string[] };
    expect(national.addScopes).toEqual(['https://www.googleapis.com/auth/drive.readonly']);
    // what it is for: reading the municipalities' files, by files.get with alt media
    expect(code).toMatch(/\bFiles\.get\([^)]*alt: "media"/);
  });
});
