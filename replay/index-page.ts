/**
 * index.html of a replay's output: one offline page that shows every form as a
 * respondent sees it, every email, every tab as a table and links every document and Drive file.
 * No script, no remote resource: it opens from the file system in any browser.
 */
import type { Environment, FormItemSnapshot, FormSnapshot } from '../emulator';
import type { SentMail } from '../emulator';
import type { SpreadsheetSnapshot } from '../emulator';
import type { DriveIndexRow } from '../emulator';
import type { Summary } from './output';
import { type EnvironmentRecord, TIME_ZONE } from './player';
import { escapeHtml } from '../src/domain/sanitize';

export interface IndexInput {
  summary: Summary;
  environment: EnvironmentRecord;
  forms: Array<{ file: string; form: FormSnapshot }>;
  mails: Array<{ file: string; mail: SentMail }>;
  spreadsheets: Array<{ folder: string; snapshot: SpreadsheetSnapshot; tabFiles: string[] }>;
  docs: Array<{ name: string; file: string }>;
  driveFiles: Array<{ row: DriveIndexRow; file: string }>;
  /** SMS the fake gateways accepted (sms/<nnn>.json), when SMS was on. */
  sms?: Array<{ file: string; sms: { sentAt: string; to: string; text: string; provider: string } }>;
}

export const FONT_STACK = "'Noto Sans Georgian', 'Noto Sans', 'DejaVu Sans', 'Sylfaen', sans-serif";

/** Any value as escaped HTML text (the product's own escapeHtml). */
export function esc(value: unknown): string {
  return escapeHtml(String(value ?? ''));
}

const LOCAL_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * A moment as staff in Tbilisi read it: "2026-01-06 14:05:09", or "2026-01-06" for a date typed
 * into a date column (local midnight). UTC would show such a date as the evening before.
 */
export function localTime(ms: number): string {
  const parts = LOCAL_TIME.formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${get('hour')}:${get('minute')}:${get('second')}`;
  return `${get('year')}-${get('month')}-${get('day')}${time === '00:00:00' ? '' : ` ${time}`}`;
}

/** A path segment of a relative link (Georgian names, spaces and '#' survive file:// links). */
function href(...segments: string[]): string {
  return segments.map((s) => encodeURIComponent(s)).join('/');
}

const STYLE = `
body{font-family:${FONT_STACK};margin:0;color:#1a1a1a;background:#f6f7f9;line-height:1.45}
header{background:#1d3557;color:#fff;padding:1em 2em}header h1{margin:0 0 .3em;font-size:1.5em}
nav a{color:#fff;margin-right:1.2em}
main{padding:1em 2em;max-width:80em}
section{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:1em 1.5em;margin:1em 0}
table{border-collapse:collapse;font-size:.9em;margin:.5em 0}th,td{border:1px solid #ccd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#eef2f7}td.num{text-align:right}.hidden-col{opacity:.4}
.form{border:1px solid #c9d3e0;border-top:8px solid #673ab7;border-radius:8px;padding:1em 1.5em;margin:1em 0;max-width:48em;background:#fff}
.form h3{margin-top:0;font-size:1.4em}.item{border-top:1px solid #eee;padding:.8em 0}.item .title{font-weight:600;margin-bottom:.4em}
.req{color:#d93025}.scale{display:flex;align-items:flex-end;gap:1em;flex-wrap:wrap}.scale label{display:flex;flex-direction:column;align-items:center}
.scale .end{color:#555;font-size:.85em;max-width:10em}.choice{display:block;margin:.2em 0}
textarea,select,input[type=text]{font-family:inherit;font-size:1em;max-width:100%}textarea{width:100%;max-width:40em}
.meta{color:#555;font-size:.85em}.bad{color:#b00020}.ok{color:#1b5e20}
details{margin:.4em 0}summary{cursor:pointer}iframe{width:100%;height:34em;resize:vertical;border:1px solid #ccd;background:#fff}
.nowrap{white-space:nowrap}
td.check-ok{background:#d9ead3}td.check-warn{background:#fff2cc}td.check-fail{background:#f4cccc}td.mark{text-align:center;font-size:1.1em}
pre{white-space:pre-wrap;overflow-wrap:anywhere;font-family:inherit;background:#fafafa;border:1px solid #eee;padding:.5em}
`;

function formItem(item: FormItemSnapshot, formId: string): string {
  const name = `${formId}-${item.id}`;
  const title = `<div class="title">${esc(item.title)}${item.required ? ' <span class="req" title="სავალდებულო">*</span>' : ''}</div>`;
  const help = item.helpText ? `<div class="meta">${esc(item.helpText)}</div>` : '';
  let control = '';
  switch (item.type) {
    case 'SCALE': {
      const low = item.lowerBound ?? 1;
      const high = item.upperBound ?? 5;
      const radios: string[] = [];
      for (let v = low; v <= high; v++) radios.push(`<label>${v}<input type="radio" name="${esc(name)}" value="${v}"></label>`);
      control = `<div class="scale"><span class="end">${esc(item.leftLabel)}</span>${radios.join('')}<span class="end">${esc(item.rightLabel)}</span></div>`;
      break;
    }
    case 'LIST':
      control = `<select name="${esc(name)}"><option value="">აირჩიეთ</option>${(item.choices ?? []).map((c) => `<option>${esc(c)}</option>`).join('')}</select>`;
      break;
    case 'MULTIPLE_CHOICE':
    case 'CHECKBOX': {
      const type = item.type === 'CHECKBOX' ? 'checkbox' : 'radio';
      control = (item.choices ?? [])
        .map((c) => `<label class="choice"><input type="${type}" name="${esc(name)}" value="${esc(c)}"> ${esc(c)}</label>`)
        .join('');
      if (item.hasOtherOption)
        control += `<label class="choice"><input type="${type}" name="${esc(name)}" value="__other_option__"> სხვა: <input type="text" name="${esc(name)}-other"></label>`;
      break;
    }
    case 'PARAGRAPH_TEXT':
      control = `<textarea name="${esc(name)}" rows="3"></textarea>`;
      break;
    case 'TEXT':
      control = `<input type="text" name="${esc(name)}">`;
      break;
    default:
      control = '';
  }
  return `<div class="item">${title}${help}${control}</div>`;
}

function renderForm(entry: { file: string; form: FormSnapshot }): string {
  const { form, file } = entry;
  const anchor = `form-${file.replace(/\.json$/, '')}`;
  return `<div class="form" id="${esc(anchor)}">
<h3>${esc(form.title)}</h3>
<p>${esc(form.description)}</p>
<p class="meta">ელფოსტის შეგროვება: <b class="${form.collectsEmail ? 'bad' : 'ok'}">${form.collectsEmail ? 'კი' : 'არა'}</b> ·
ავტორიზაცია: <b class="${form.requiresLogin ? 'bad' : 'ok'}">${form.requiresLogin ? 'სავალდებულო' : 'არ არის საჭირო'}</b> ·
პასუხები: ${form.responseCount} · <a href="${href('forms', file)}">${esc(file)}</a><br>ბმული: <code>${esc(form.publishedUrl)}</code></p>
<div class="fields">${form.items.map((item) => formItem(item, anchor)).join('\n')}</div>
</div>`;
}

function renderMail(entry: { file: string; mail: SentMail }, i: number): string {
  const { mail, file } = entry;
  const body = mail.htmlBody
    ? `<iframe sandbox="" loading="lazy" title="${esc(mail.subject)}" srcdoc="${esc(`<!doctype html><meta charset="utf-8"><style>body{font-family:${FONT_STACK};overflow-wrap:anywhere}</style>${mail.htmlBody}`)}"></iframe>`
    : '';
  return `<details id="mail-${i + 1}"><summary>${esc(localTime(mail.sentAt).slice(0, 16))} — ${esc(mail.to)} — ${esc(mail.subject)}</summary>
<p class="meta">გამგზავნი: ${esc(mail.name ?? '')} · reply-to: ${esc(mail.replyTo ?? '')} · <a href="${href('mail', file)}">${esc(file)}</a></p>
${body}<pre>${esc(mail.body)}</pre></details>`;
}

/** The SMS the gateway accepted, as a table (number, text, provider); nothing when SMS was off. */
function renderSms(list: NonNullable<IndexInput['sms']>): string {
  if (list.length === 0) return '';
  const rows = list
    .map(
      ({ file, sms }) =>
        `<tr><td class="nowrap">${esc(localTime(Date.parse(sms.sentAt)).slice(0, 16))}</td><td>${esc(sms.to)}</td><td>${esc(sms.text)}</td><td>${esc(sms.provider)}</td><td><a href="${href('sms', file)}">${esc(file)}</a></td></tr>`,
    )
    .join('');
  return `<details id="sms"><summary>SMS — ${list.length}</summary><table><tr><th>დრო</th><th>ნომერი</th><th>ტექსტი</th><th>პროვაიდერი</th><th>ფაილი</th></tr>${rows}</table></details>`;
}

function cellText(value: unknown): string {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    return Number.isNaN(d.getTime()) ? '' : localTime(d.getTime());
  }
  if (typeof value === 'boolean') return value ? '☑' : '☐';
  return String(value ?? '');
}

function renderTab(folder: string, file: string, tab: SpreadsheetSnapshot['tabs'][number]): string {
  const [header = [], ...rows] = tab.values;
  const used = rows.filter((row) => row.some((v) => v !== '' && v !== null));
  // Columns the product hides from staff (codes for the machine) are shown faded, as such.
  const hidden = new Set(tab.hiddenColumns ?? []);
  const attrs = (i: number, v: unknown): string => {
    const classes = [typeof v === 'number' ? 'num' : '', hidden.has(i + 1) ? 'hidden-col' : ''].filter(Boolean);
    return `${classes.length ? ` class="${classes.join(' ')}"` : ''}${hidden.has(i + 1) ? ' title="დამალული სვეტი"' : ''}`;
  };
  const head = `<tr>${header.map((h, i) => `<th${attrs(i, h)}>${esc(cellText(h))}</th>`).join('')}</tr>`;
  const body = used.map((row) => `<tr>${row.map((v, i) => `<td${attrs(i, v)}>${esc(cellText(v))}</td>`).join('')}</tr>`).join('\n');
  return `<details><summary><b>${esc(tab.name)}</b> — ${used.length} ჩანაწერი · <a href="${href('spreadsheets', folder, file)}">${esc(file)}</a></summary>
<div style="overflow:auto"><table>${head}${body}</table></div></details>`;
}

function countsTable(rows: Array<[string, string | number]>): string {
  return `<table>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td class="num">${esc(v)}</td></tr>`).join('')}</table>`;
}

/** One line: the named world (if any) and every field, e.g. "workspace-strict — Workspace (example.ge), locale ka_GE, …". */
export function environmentLine(env: Pick<EnvironmentRecord, keyof Environment | 'name' | 'source'>): string {
  const account = env.account === 'workspace' ? `Workspace${env.domain ? ` (${env.domain})` : ''}` : 'consumer (gmail.com)';
  const fields = [
    account,
    `locale ${env.locale}`,
    `time zone ${env.timeZone}`,
    `link sharing ${env.sharing}`,
    `form responders: ${env.formResponders}`,
    `other mail ${env.otherMailPerDay}/day`,
  ].join(', ');
  const from = env.source === 'flag' ? '--environment' : env.source === 'scenario' ? 'the scenario' : 'default';
  return `${env.name ?? 'custom'} — ${fields} (from ${from})`;
}

const CHECK_CLASS: Record<string, string> = { '✓': 'check-ok', '⚠': 'check-warn', '✗': 'check-fail' };

/** The self-check: what its alert said, and its checklist (one row per check) as a table. */
function renderSelfCheck(env: EnvironmentRecord): string {
  const check = env.selfCheck;
  if (!check) return '<p class="meta">სისტემის შემოწმება (self-check): პროდუქტს ჯერ არ აქვს.</p>';
  const shown = check.shown
    .map((s) => `<li>${s.kind === 'alert' || s.kind === 'toast' ? esc(s.message).replace(/\n/g, '<br>') : `<pre>${esc(s.message)}</pre>`}</li>`)
    .join('');
  const failure = check.failure ? `<p class="bad">${esc(check.failure)}</p>` : '';
  const checklist = check.checklist?.length
    ? `<table id="self-check"><tr><th>სტატუსი</th><th>რა შემოწმდა</th><th>რა აღმოჩნდა</th><th>რა უნდა გაკეთდეს</th></tr>${check.checklist
        .map(
          (c) =>
            `<tr><td class="mark ${CHECK_CLASS[c.status] ?? ''}">${esc(c.status)}</td><td>${esc(c.check)}</td><td>${esc(c.found)}</td><td>${esc(c.todo)}</td></tr>`,
        )
        .join('')}</table>`
    : '<p class="meta">შემოწმების ჩანართი ამ დაწკაპუნებას არ ჩაუწერია.</p>';
  return `<h3>სისტემის შემოწმება (self-check)${check.menuItem ? ` — ${esc(check.menuItem)}` : ''}</h3>${failure}<ul>${shown || '<li>არაფერი აჩვენა</li>'}</ul>${checklist}`;
}

export function renderIndexPage(input: IndexInput): string {
  const s = input.summary;
  const byKey = (record: Record<string, number>) =>
    Object.entries(record)
      .sort()
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ') || '—';
  const summary = countsTable([
    ['განცხადებები (cases)', s.cases],
    ['შეტანილი (entered)', s.casesEntered],
    ['დასრულებული (closed)', s.closed],
    ['გაგზავნილი მოწვევები (invitations sent)', s.invitations.sent],
    ['მოწვევის გარეშე (invitations refused)', s.invitations.refused],
    ['მოწვევები არხით (invitations by channel)', `email: ${s.invitations.byChannel.email}, sms: ${s.invitations.byChannel.sms}`],
    ['პასუხები ფორმით/არხით (responses submitted)', byKey(s.responses.submitted)],
    ['ჩაწერილი ფორმით/არხით (responses recorded)', byKey(s.responses.recorded)],
    ['უკუკავშირის ცხრილი (feedback rows)', s.feedbackRows],
    ['სხვა არხები (other channels logged)', s.otherFeedbackLogged],
    ['ღონისძიებები (actions logged)', s.actionsLogged],
    ['დოკუმენტები (documents created)', s.documentsCreated],
    ['წერილები (mails sent)', s.mailsSent],
    ['უარყოფილი შეყვანა (refused input)', s.refusedInput.count],
  ]);
  const refused = s.refusedInput.items.length
    ? `<details><summary>უარყოფილი შეყვანა — ${s.refusedInput.items.length}</summary><table><tr><th>დრო</th><th>ვინ</th><th>რა</th><th>შეტყობინება</th></tr>${s.refusedInput.items
        .map(
          (r) =>
            `<tr><td class="nowrap">${esc(localTime(Date.parse(r.at)))}</td><td>${esc(r.actor)}</td><td>${esc(r.what)}</td><td>${esc(r.message)}</td></tr>`,
        )
        .join('')}</table></details>`
    : '';
  const refusedInvites = s.invitations.refusedCases.length
    ? `<details><summary>მოწვევის გარეშე დარჩენილი განცხადებები — ${s.invitations.refusedCases.length}</summary><table><tr><th>№</th><th>სერვისი</th><th>მიზეზი</th></tr>${s.invitations.refusedCases
        .map((r) => `<tr><td class="nowrap">${esc(r.caseId)}</td><td>${esc(r.service)}</td><td>${esc(r.reason)}</td></tr>`)
        .join('')}</table></details>`
    : '';
  const alerts = s.alerts.length
    ? `<h3>მენიუს შეტყობინებები</h3><ul>${s.alerts.map((a) => `<li><b>${esc(a.menuItem)}</b>: ${esc(a.message).replace(/\n/g, '<br>')}</li>`).join('')}</ul>`
    : '';
  const warnings = s.warnings.length
    ? `<details><summary>სცენარის გაფრთხილებები (scenario warnings) — ${s.warnings.length}</summary><ul>${s.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></details>`
    : '';
  const problems = [...s.errors.map((e) => `${e.step}: ${e.message}`), ...s.triggerFailures.map((f) => `${f.handler} ×${f.count}: ${f.message}`)];
  const problemList = problems.length
    ? `<details><summary class="bad">შეცდომები და ტრიგერების ჩავარდნები — ${problems.length}</summary><ul>${problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul></details>`
    : '';

  const tabs = input.spreadsheets
    .map((sheet) => `<h3>${esc(sheet.snapshot.name)}</h3>${sheet.snapshot.tabs.map((tab, i) => renderTab(sheet.folder, sheet.tabFiles[i], tab)).join('\n')}`)
    .join('\n');
  const docs = input.docs.length
    ? `<ul>${input.docs.map((d) => `<li>${esc(d.name)} — <a href="${href('docs', `${d.file}.html`)}">HTML</a> · <a href="${href('docs', `${d.file}.json`)}">JSON</a></li>`).join('')}</ul>`
    : '<p>დოკუმენტები არ შექმნილა.</p>';
  const drive = input.driveFiles.length
    ? `<ul>${input.driveFiles.map((f) => `<li><a href="${href('drive', 'files', f.file)}">${esc(f.row.name)}</a> <span class="meta">${esc(f.row.mimeType)} · ${esc(f.row.folderPath)} · ${esc(f.row.sharing.access)}</span></li>`).join('')}</ul>`
    : '<p>ტექსტური ფაილები Drive-ში არ შექმნილა.</p>';

  return `<!doctype html>
<html lang="ka">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>უკუკავშირი — დემო: ${esc(s.scenario)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>უკუკავშირი — სცენარის გათამაშება</h1>
<div>${esc(s.scenario)} · ${esc(localTime(Date.parse(s.simulated.from)).slice(0, 10))} → ${esc(localTime(Date.parse(s.simulated.to)).slice(0, 10))} · ანგარიშის პერიოდი ${esc(s.report.from)} – ${esc(s.report.to)} · დრო: თბილისის (UTC+4)</div>
<nav><a href="#summary">შეჯამება</a><a href="#forms">ფორმები</a><a href="#mail">წერილები (${input.mails.length})</a><a href="#tabs">ცხრილები</a><a href="#docs">დოკუმენტები (${input.docs.length})</a><a href="#drive">Drive</a></nav>
</header>
<main>
<section id="summary"><h2>შეჯამება</h2>
<p id="environment"><b>გარემო (environment):</b> ${esc(environmentLine(input.environment))} · ადმინისტრატორი ${esc(input.environment.users.admin)}, თანამშრომელი ${esc(input.environment.users.staff.join(', '))}</p>
${summary}${renderSelfCheck(input.environment)}${refusedInvites}${refused}${warnings}${alerts}${problemList}
<p class="meta"><a href="summary.json">summary.json</a> · <a href="environment.json">environment.json</a> · <a href="triggers.json">triggers.json</a> · <a href="drive/index.json">drive/index.json</a></p></section>
<section id="forms"><h2>ფორმები — როგორც მათ რესპონდენტი ხედავს</h2>${input.forms.map(renderForm).join('\n') || '<p>ფორმები არ შექმნილა.</p>'}</section>
<section id="mail"><h2>გაგზავნილი წერილები</h2>${input.mails.map(renderMail).join('\n') || '<p>წერილი არ გაგზავნილა.</p>'}${renderSms(input.sms ?? [])}</section>
<section id="tabs"><h2>ცხრილის ჩანართები</h2>${tabs}</section>
<section id="docs"><h2>დოკუმენტები</h2>${docs}</section>
<section id="drive"><h2>Drive-ის ფაილები</h2>${drive}</section>
</main>
</body>
</html>
`;
}
