/**
 * Writes what the Workspace holds at the end of a replay into the output folder, exactly as the
 * contract's table says (../shared/scenario.md), plus summary.json and index.html.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { N1, N2 } from '../src/domain/forms';
import { TABS } from '../src/domain/schema';
import { feedbackRecords } from '../src/domain/report-inputs';
import { themesOfTab } from '../src/domain/themes';
import { DEFAULT_SERVICES } from '../src/domain/services';
import type { SpreadsheetSnapshot } from '../emulator';
import type { FormSnapshot } from '../emulator';
import type { SentMail } from '../emulator';
import type { DriveIndexRow } from '../emulator';
import type { PlayResult, RefusedInput, ShownAlert, StepError } from './player';
import { feedbackJson } from './feedback-json';
import { renderIndexPage } from './index-page';
import { smsRecord } from './sms';

export interface Summary {
  scenario: string;
  simulated: { from: string; to: string };
  report: { from: string; to: string };
  cases: number;
  casesEntered: number;
  closed: number;
  invitations: {
    sent: number;
    refused: number;
    refusedCases: Array<{ caseId: string; service: string; reason: string }>;
    /** Invitations sent, by how they went (issue 17): a mail to a case's address, an SMS a gateway accepted for a case's number. */
    byChannel: { email: number; sms: number };
  };
  /** SMS the fake gateways accepted (sms/<nnn>.json), and the applications tab's mobile numbers left at the end. */
  sms: { accepted: number; maxSegments: number; phonesLeft: number };
  responses: {
    /** What respondents and staff submitted and the form or tab took, by "form/channel". */
    submitted: Record<string, number>;
    /** Rows of the feedback table, by "form/channel". */
    recorded: Record<string, number>;
  };
  feedbackRows: number;
  otherFeedbackLogged: number;
  actionsLogged: number;
  documentsCreated: number;
  documents: string[];
  mailsSent: number;
  refusedInput: { count: number; items: RefusedInput[] };
  triggerFailures: Array<{ handler: string; count: number; message: string }>;
  alerts: ShownAlert[];
  warnings: string[];
  errors: StepError[];
}

/** A file or folder name safe on every file system; keeps Georgian letters. */
export function safeName(name: string): string {
  const cleaned = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in file names
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  return cleaned.slice(0, 120) || 'unnamed';
}

/** Names unique within one folder: a repeated name gets " (2)", " (3)" … before its extension. */
class UniqueNames {
  private readonly used = new Set<string>();
  take(name: string): string {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}

/** N1 / N2 for the annex forms (by title), else a slug of the title. */
export function formFileName(title: string): string {
  if (title === N1.title) return 'N1';
  if (title === N2.title) return 'N2';
  return safeName(title);
}

const TEXT_MIME = /^(text\/|application\/(pdf|json|xml|javascript)$|image\/svg\+xml$)/;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

function rowsOf(tab: { values: unknown[][] } | undefined): unknown[][] {
  if (!tab) return [];
  return tab.values.slice(1).filter((row) => row.some((v) => v !== '' && v !== null));
}

/** Counts and lists from the final Workspace and the replay's own record. */
export function summarize(result: PlayResult, scenarioName: string, snapshot: SpreadsheetSnapshot): Summary {
  const { ws, record } = result;
  const tab = (name: string) => snapshot.tabs.find((t) => t.name === name);

  // Invitations: a mail to a closed case's address is its invitation; a closed case without one
  // was refused, for the reason the product wrote on its row or in the invitations log.
  const mailsTo = new Map<string, number>();
  for (const mail of ws.mail.sent) {
    for (const to of mail.to.split(',').map((t) => t.trim().toLowerCase())) mailsTo.set(to, (mailsTo.get(to) ?? 0) + 1);
  }
  const caseAddresses = new Set(record.casesEntered.map((c) => c.email.toLowerCase()).filter(Boolean));
  const invitationsSent = [...mailsTo].filter(([to]) => caseAddresses.has(to)).reduce((n, [, count]) => n + count, 0);
  const applications = tab(TABS.applications.name);
  const appHeader = (applications?.values[0] ?? []).map(String);
  const inviteStatusCol = appHeader.indexOf(TABS.applications.columns.find((c) => c.key === 'inviteStatus')!.header);
  const log = tab(TABS.invitations.name);
  const logHeader = (log?.values[0] ?? []).map(String);
  const logCol = (key: string) => logHeader.indexOf(TABS.invitations.columns.find((c) => c.key === key)!.header);
  const refusedCases: Summary['invitations']['refusedCases'] = [];
  const remaining = new Map(mailsTo);
  const smsTo = new Map<string, number>();
  for (const sms of result.gateways.accepted) smsTo.set(sms.to.replace(/\D/g, ''), (smsTo.get(sms.to.replace(/\D/g, '')) ?? 0) + 1);
  const casePhones = new Set(record.casesEntered.map((c) => c.phone ?? '').filter(Boolean));
  const smsSent = [...smsTo].filter(([to]) => casePhones.has(to)).reduce((n, [, count]) => n + count, 0);
  for (const closed of record.casesClosed) {
    const address = closed.email.toLowerCase();
    const left = remaining.get(address) ?? 0;
    if (address && left > 0) {
      remaining.set(address, left - 1);
      continue;
    }
    const texts = closed.phone ? (smsTo.get(closed.phone) ?? 0) : 0;
    if (closed.phone && texts > 0) {
      smsTo.set(closed.phone, texts - 1);
      continue;
    }
    const onRow = inviteStatusCol >= 0 ? String(applications?.values[closed.row - 1]?.[inviteStatusCol] ?? '').trim() : '';
    const logged = rowsOf(log)
      .filter((row) => String(row[logCol('caseId')]) === closed.id)
      .map((row) => [row[logCol('status')], row[logCol('note')]].filter((v) => v !== '' && v !== undefined).join(': '))
      .pop();
    refusedCases.push({ caseId: closed.id, service: closed.service, reason: onRow || logged || 'no invitation sent and no status recorded' });
  }

  const feedback = tab(TABS.feedback.name);
  const recorded: Record<string, number> = {};
  // By the product's own reader: the tab shows Georgian names, the summary counts by code.
  for (const record of feedbackRecords(feedback?.values ?? [])) {
    const key = `${record.form}/${record.channel}`;
    recorded[key] = (recorded[key] ?? 0) + 1;
  }

  const failures = new Map<string, { handler: string; count: number; message: string }>();
  for (const f of ws.core.triggerFailures) {
    const key = `${f.handler}\u0000${f.message}`;
    const entry = failures.get(key) ?? { handler: f.handler, count: 0, message: f.message };
    entry.count++;
    failures.set(key, entry);
  }
  const documents = ws.docs.list().map((d) => d.name);

  return {
    scenario: scenarioName,
    simulated: { from: iso(record.startedAt), to: iso(record.endedAt) },
    report: record.report,
    cases: record.scenario.cases,
    casesEntered: record.casesEntered.length,
    closed: record.casesClosed.length,
    invitations: { sent: invitationsSent + smsSent, refused: refusedCases.length, refusedCases, byChannel: { email: invitationsSent, sms: smsSent } },
    sms: {
      accepted: result.gateways.accepted.length,
      maxSegments: Math.max(0, ...result.gateways.accepted.map((sms) => sms.segments)),
      phonesLeft: phonesLeft(applications),
    },
    responses: { submitted: record.responsesAccepted, recorded },
    feedbackRows: rowsOf(feedback).length,
    otherFeedbackLogged: record.feedbackLogged,
    actionsLogged: record.actionsLogged,
    documentsCreated: documents.length,
    documents,
    mailsSent: ws.mail.sent.length,
    refusedInput: { count: record.refused.length, items: record.refused },
    triggerFailures: [...failures.values()],
    alerts: record.alerts,
    warnings: record.warnings,
    errors: record.errors,
  };
}

/** Mobile numbers still in the applications tab's phone column. */
function phonesLeft(applications: { values: unknown[][] } | undefined): number {
  const header = (applications?.values[0] ?? []).map(String);
  const at = header.indexOf(TABS.applications.columns.find((c) => c.key === 'phone')!.header);
  return at < 0 ? 0 : rowsOf(applications).filter((row) => String(row[at] ?? '').trim() !== '').length;
}

export interface WrittenOutput {
  summary: Summary;
  files: number;
}

/** The mail as mail/<nnn>.json holds it: sentAt is the simulated clock, as an ISO string. */
export function mailRecord(mail: SentMail): Record<string, unknown> {
  return {
    sentAt: iso(mail.sentAt),
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    body: mail.body,
    htmlBody: mail.htmlBody ?? null,
    name: mail.name ?? null,
    replyTo: mail.replyTo ?? null,
    ...(mail.cc ? { cc: mail.cc } : {}),
    ...(mail.bcc ? { bcc: mail.bcc } : {}),
    ...(mail.attachments ? { attachments: mail.attachments } : {}),
  };
}

/** Writes the whole output folder (emptied first, so no file of an earlier run is left). */
export function writeOutput(result: PlayResult, outDir: string, scenarioName: string): WrittenOutput {
  const { ws } = result;
  rmSync(outDir, { recursive: true, force: true });
  let files = 0;
  const dir = (...parts: string[]) => {
    const path = join(outDir, ...parts);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const json = (path: string, value: unknown) => {
    writeJson(path, value);
    files++;
  };

  // forms/<name>.json
  const forms: Array<{ file: string; form: FormSnapshot }> = [];
  const formNames = new UniqueNames();
  for (const form of ws.forms.list()) {
    const file = formNames.take(`${formFileName(form.title)}.json`);
    json(join(dir('forms'), file), form);
    forms.push({ file, form });
  }

  // mail/<nnn>.json
  const mailDir = dir('mail');
  const width = Math.max(3, String(ws.mail.sent.length).length);
  const mails = ws.mail.sent.map((mail, i) => ({ file: `${String(i + 1).padStart(width, '0')}.json`, mail }));
  for (const { file, mail } of mails) json(join(mailDir, file), mailRecord(mail));

  // sms/<nnn>.json: each SMS the fake gateway accepted, in order (issue 17).
  const smsWidth = Math.max(3, String(result.gateways.accepted.length).length);
  const texts = result.gateways.accepted.map((sms, i) => ({ file: `${String(i + 1).padStart(smsWidth, '0')}.json`, sms: smsRecord(sms) }));
  if (texts.length) {
    const smsDir = dir('sms');
    for (const { file, sms } of texts) json(join(smsDir, file), sms);
  }

  // spreadsheets/<name>/<tab>.json
  const sheetNames = new UniqueNames();
  const spreadsheets: Array<{ folder: string; snapshot: SpreadsheetSnapshot; tabFiles: string[] }> = [];
  let bound: SpreadsheetSnapshot | null = null;
  for (const entry of [...ws.core.drive.values()].filter((e) => e.kind === 'spreadsheet')) {
    const snapshot = ws.spreadsheets.snapshot(entry.id);
    if (entry.id === result.spreadsheetId) bound = snapshot;
    const folder = sheetNames.take(safeName(snapshot.name));
    const tabNames = new UniqueNames();
    const tabFiles: string[] = [];
    for (const tab of snapshot.tabs) {
      const file = tabNames.take(`${safeName(tab.name)}.json`);
      json(join(dir('spreadsheets', folder), file), { values: tab.values, formulas: tab.formulas });
      tabFiles.push(file);
    }
    spreadsheets.push({ folder, snapshot, tabFiles });
  }

  // docs/<name>.html, docs/<name>.json
  const docNames = new UniqueNames();
  const docs: Array<{ name: string; file: string }> = [];
  for (const doc of ws.docs.list()) {
    const base = docNames.take(safeName(doc.name));
    writeFileSync(join(dir('docs'), `${base}.html`), ws.docs.toHtml(doc.id), 'utf8');
    json(join(dir('docs'), `${base}.json`), ws.docs.toJson(doc.id));
    files++;
    docs.push({ name: doc.name, file: base });
  }

  // drive/index.json, drive/files/<name>
  const index: DriveIndexRow[] = ws.drive.index();
  json(join(dir('drive'), 'index.json'), index);
  const driveNames = new UniqueNames();
  const driveFiles: Array<{ row: DriveIndexRow; file: string }> = [];
  for (const row of index) {
    if (row.trashed || !TEXT_MIME.test(row.mimeType)) continue;
    const bytes = ws.drive.contentOf(row.id);
    if (!bytes) continue;
    const file = driveNames.take(safeName(row.name));
    writeFileSync(join(dir('drive', 'files'), file), bytes);
    files++;
    driveFiles.push({ row, file });
  }

  // feedback.json: the normalized feedback table as records, read by the product's own reader.
  const boundTabs = (bound ?? ws.spreadsheets.snapshot(result.spreadsheetId)).tabs;
  const feedbackTab = boundTabs.find((tab) => tab.name === TABS.feedback.name);
  // Staff's corrections may name a theme of the themes tab by its label: read back as its code.
  const themesTab = boundTabs.find((tab) => tab.name === TABS.themes.name)?.values ?? [];
  const themeColumn = (key: string): number => (themesTab[0] ?? []).map(String).indexOf(TABS.themes.columns.find((c) => c.key === key)?.header ?? '');
  const themes = themesOfTab(
    themesTab.length === 0
      ? null
      : themesTab.slice(1).map((row) => ({ id: row[themeColumn('id')], label: row[themeColumn('label')], keywords: row[themeColumn('keywords')] })),
  );
  json(join(outDir, 'feedback.json'), feedbackJson(feedbackTab?.values ?? [], { services: DEFAULT_SERVICES, themes }));

  // environment.json: the world the replay ran in, and what the product's self-check reported.
  json(join(outDir, 'environment.json'), result.environment);

  // triggers.json
  json(
    join(outDir, 'triggers.json'),
    ws.core.triggers.map((t) => ({
      handler: t.handler,
      owner: t.createdBy,
      kind: t.eventType === 'CLOCK' ? 'time-driven' : `${t.sourceKind.toLowerCase()} ${t.eventType}`,
      eventType: t.eventType,
      source: t.sourceKind,
      sourceId: t.sourceId,
      schedule: t.schedule ?? null,
    })),
  );

  const snapshot = bound ?? ws.spreadsheets.snapshot(result.spreadsheetId);
  const summary = summarize(result, scenarioName, snapshot);
  json(join(outDir, 'summary.json'), summary);

  writeFileSync(
    join(outDir, 'index.html'),
    renderIndexPage({ summary, environment: result.environment, forms, mails, spreadsheets, docs, driveFiles, sms: texts }),
    'utf8',
  );
  files++;
  return { summary, files };
}
