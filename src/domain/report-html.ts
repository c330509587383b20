/**
 * The report model as one self-contained HTML page: inline styles, charts as PNG data URIs with
 * alt text, every text escaped. Suppressed groups show a notice instead of figures.
 */
import { barChartPng, percentText } from './chart';
import { formatDateKa } from './dates';
import { channelName, driverName } from './i18n';
import { pngDataUri } from './png';
import type { PublishedScore, ReportModel, Score, ThemeRow, TrendRow } from './report-model';
import { ACTION_STATUSES } from './schema';
import type { Trend } from './stats';
import { DEFAULT_THEMES, Theme } from './themes';
import type { ActionStatus, Channel, Driver, FeedbackForm } from './types';

type Lang = 'ka' | 'en';

/** The report's own wording, Georgian first. */
const REPORT_TEXT = {
  titleInternal: { ka: 'უკუკავშირის ანალიტიკური ანგარიში', en: 'Feedback analysis report' },
  titlePublic: { ka: 'მომხმარებელთა უკუკავშირი — საჯარო ანგარიში', en: 'Service-user feedback — public report' },
  period: { ka: 'პერიოდი', en: 'Period' },
  basis: { ka: 'მონაცემთა საფუძველი', en: 'Data basis' },
  total: { ka: 'უკუკავშირი სულ', en: 'Feedback received' },
  invitations: { ka: 'გაგზავნილი მოწვევები (N2)', en: 'Invitations sent (N2)' },
  responseRate: { ka: 'N2 გამოხმაურების მაჩვენებელი', en: 'N2 response rate' },
  channel: { ka: 'არხი', en: 'Channel' },
  count: { ka: 'რაოდენობა', en: 'Count' },
  satisfaction: { ka: 'საერთო კმაყოფილება', en: 'Overall satisfaction' },
  drivers: { ka: 'კმაყოფილების ფაქტორები', en: 'Satisfaction drivers' },
  driver: { ka: 'ფაქტორი', en: 'Driver' },
  questions: { ka: 'შეკითხვების მიხედვით', en: 'By question' },
  question: { ka: 'შეკითხვა', en: 'Question' },
  services: { ka: 'სერვისების მიხედვით', en: 'By service' },
  service: { ka: 'სერვისი', en: 'Service' },
  channels: { ka: 'არხების მიხედვით', en: 'By channel' },
  form: { ka: 'ფორმა', en: 'Form' },
  agree: { ka: 'ეთანხმება (4–5)', en: 'Agree (4–5)' },
  interval: { ka: '95% სანდოობის ინტერვალი', en: '95% confidence interval' },
  responses: { ka: 'პასუხები', en: 'Responses' },
  mean: { ka: 'საშუალო (1–5)', en: 'Mean (1–5)' },
  suppressed: { ka: '{min}-ზე ნაკლები პასუხი — არ ქვეყნდება', en: 'Fewer than {min} responses — not shown' },
  trends: { ka: 'დინამიკა', en: 'Trends' },
  current: { ka: 'მიმდინარე პერიოდი', en: 'This period' },
  previous: { ka: 'წინა პერიოდი', en: 'Previous period' },
  lastYear: { ka: 'გასული წლის იგივე პერიოდი', en: 'Same period last year' },
  change: { ka: 'ცვლილება', en: 'Change' },
  overall: { ka: 'საერთო კმაყოფილება', en: 'Overall satisfaction' },
  problems: { ka: 'ძირითადი პრობლემები', en: 'Main problems' },
  lowest: { ka: 'ყველაზე დაბალი შეფასების შეკითხვები', en: 'Lowest-scoring questions' },
  lowScore: { ka: 'დაბალი შეფასების (1–2) პასუხები', en: 'Responses with a low score (1–2)' },
  themes: { ka: 'ხშირი თემები დაბალ შეფასებებში', en: 'Frequent themes among low scores' },
  theme: { ka: 'თემა', en: 'Theme' },
  comments: { ka: 'კომენტარები', en: 'Comments' },
  actions: { ka: 'ღონისძიებები', en: 'Actions' },
  decision: { ka: 'გადაწყვეტილება', en: 'Decision' },
  problem: { ka: 'პრობლემა', en: 'Problem' },
  owner: { ka: 'პასუხისმგებელი', en: 'Owner' },
  due: { ka: 'ვადა', en: 'Due' },
  status: { ka: 'სტატუსი', en: 'Status' },
  overdue: { ka: 'ვადაგადაცილებულია', en: 'Overdue' },
  none: { ka: 'მონაცემები არ არის', en: 'No data' },
  methodology: { ka: 'მეთოდოლოგია', en: 'Methodology' },
  methodScale: {
    ka: 'შეკითხვები ფასდება 1–5 შკალით; „ეთანხმება“ ნიშნავს {agree} ან 5 ქულას. წილი ითვლება მხოლოდ გაცემულ პასუხებზე: გამოტოვებული შეკითხვა ნულად არ ითვლება.',
    en: 'Questions are scored 1–5; "agree" means {agree} or 5. Shares count only the answers given: a skipped question is not a zero.',
  },
  methodInterval: {
    ka: 'ფრჩხილებში მოცემულია 95% სანდოობის ინტერვალი (ვილსონის მეთოდი).',
    en: 'Ranges are 95% confidence intervals (Wilson score method).',
  },
  methodTrend: {
    ka: 'ცვლილება ფიქსირდება მხოლოდ მაშინ, როცა ორი პერიოდის 95% ინტერვალები ერთმანეთს არ კვეთს.',
    en: 'A change is reported only when the 95% intervals of the two periods do not overlap.',
  },
  methodSuppression: {
    ka: 'ჯგუფი, რომელშიც {min}-ზე ნაკლები პასუხია, ანგარიშში არ ჩანს, რათა მოპასუხე არ გამოვლინდეს.',
    en: 'A group with fewer than {min} responses is not shown, so that no respondent can be identified.',
  },
  methodLow: {
    ka: 'დაბალ შეფასებად ითვლება პასუხი, რომელშიც რომელიმე შეფასება {low} ან ნაკლებია.',
    en: 'A response counts as a low score when any of its ratings is {low} or less.',
  },
} as const;

export type ReportTextId = keyof typeof REPORT_TEXT;

const FORM_NAMES: Record<FeedbackForm, { ka: string; en: string }> = {
  N1: { ka: 'ფორმა N1 (განცხადების წარდგენა)', en: 'Form N1 (submitting the application)' },
  N2: { ka: 'ფორმა N2 (მომსახურების დასრულება)', en: 'Form N2 (after the decision)' },
  other: { ka: 'სხვა არხები', en: 'Other channels' },
};

const TREND_NAMES: Record<Trend, { ka: string; en: string }> = {
  up: { ka: 'გაუმჯობესდა', en: 'Improved' },
  down: { ka: 'გაუარესდა', en: 'Declined' },
  no_change: { ka: 'მნიშვნელოვანი ცვლილება არ არის', en: 'No significant change' },
  insufficient: { ka: 'არასაკმარისი მონაცემები', en: 'Not enough data' },
};

const STATUS_EN: Record<ActionStatus, string> = { planned: 'Planned', in_progress: 'In progress', done: 'Done' };

/** Every word the renderer needs, so a caller can swap in staff-edited themes or wording. */
export interface ReportLabels {
  lang: Lang;
  text(id: ReportTextId, params?: Record<string, string | number>): string;
  driver(driver: Driver): string;
  channel(channel: Channel): string;
  form(form: FeedbackForm): string;
  theme(id: string): string;
  trend(trend: Trend): string;
  status(status: ActionStatus): string;
}

export function reportLabels(lang: Lang, themes: readonly Theme[] = DEFAULT_THEMES): ReportLabels {
  return {
    lang,
    text: (id, params = {}) => REPORT_TEXT[id][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole)),
    driver: (driver) => driverName(driver, lang),
    channel: (channel) => channelName(channel, lang),
    form: (form) => FORM_NAMES[form][lang],
    theme: (id) => {
      const theme = themes.find((candidate) => candidate.id === id);
      return theme ? theme[lang] : id;
    },
    trend: (trend) => TREND_NAMES[trend][lang],
    status: (status) => (lang === 'en' ? STATUS_EN[status] : ACTION_STATUSES.find((entry) => entry.id === status)?.ka ?? status),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Georgian writes a decimal comma. */
function decimal(value: number, lang: Lang): string {
  const text = value.toFixed(1);
  return lang === 'ka' ? text.replace('.', ',') : text;
}

function row(cells: readonly string[], header = false): string {
  const tag = header ? 'th' : 'td';
  return `<tr>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`;
}

function table(headers: readonly string[], rows: readonly string[][]): string {
  return `<table><thead>${row(headers.map(escapeHtml), true)}</thead><tbody>${rows.map((cells) => row(cells)).join('')}</tbody></table>`;
}

/** Four cells: agree share, interval, n, mean — or one notice spanning them. */
function scoreCells(score: Score, labels: ReportLabels, minGroupSize: number): string[] {
  if (score.suppressed || score.share === null || score.low === null || score.high === null || score.mean === null) {
    return [`<span class="suppressed">${escapeHtml(labels.text('suppressed', { min: minGroupSize }))}</span>`, '', '', ''];
  }
  return [
    escapeHtml(percentText(score.share)),
    escapeHtml(`${percentText(score.low)}–${percentText(score.high)}`),
    String(score.respondents),
    escapeHtml(decimal(score.mean, labels.lang)),
  ];
}

function scoreHeaders(first: string, labels: ReportLabels): string[] {
  return [first, labels.text('agree'), labels.text('interval'), labels.text('responses'), labels.text('mean')];
}

function shortScore(score: Score | null, labels: ReportLabels, minGroupSize: number): string {
  if (!score || score.suppressed || score.share === null) return score ? escapeHtml(labels.text('suppressed', { min: minGroupSize })) : '—';
  return escapeHtml(`${percentText(score.share)} (n = ${score.respondents})`);
}

function chart(title: string, bars: Array<{ label: string; score: Score }>): string {
  const shown = bars.filter((bar): bar is { label: string; score: PublishedScore } => !bar.score.suppressed && bar.score.share !== null);
  if (shown.length === 0) return '';
  const { png, alt } = barChartPng({
    title,
    width: 480,
    height: Math.max(60, 28 * shown.length + 24),
    bars: shown.map((bar) => ({ label: bar.label, value: bar.score.share ?? 0, low: bar.score.low ?? undefined, high: bar.score.high ?? undefined })),
  });
  return `<p><img src="${pngDataUri(png)}" alt="${escapeHtml(alt)}"></p>`;
}

function trendLabel(trend: TrendRow, labels: ReportLabels): string {
  const subject = trend.subject;
  if (subject.kind === 'overall') return labels.text('overall');
  if (subject.kind === 'driver') return labels.driver(subject.driver);
  return subject.name;
}

function themeCells(theme: ThemeRow, labels: ReportLabels, minGroupSize: number, internal: boolean): string[] {
  const name = escapeHtml(labels.theme(theme.theme));
  const cells = theme.suppressed
    ? [name, `<span class="suppressed">${escapeHtml(labels.text('suppressed', { min: minGroupSize }))}</span>`]
    : [name, String(theme.count)];
  if (internal) {
    const comments = theme.suppressed ? [] : theme.comments;
    cells.push(comments.length ? `<ul>${comments.map((comment) => `<li>${escapeHtml(comment)}</li>`).join('')}</ul>` : '');
  }
  return cells;
}

const STYLE =
  'body{font-family:"Noto Sans Georgian","Noto Sans",Arial,sans-serif;max-width:60em;margin:2em auto;color:#1a1a1a}' +
  'table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}' +
  'th{background:#eef2f7}.suppressed{color:#666;font-style:italic}.overdue{color:#b00020;font-weight:bold}';

export function renderReportHtml(model: ReportModel, labels: ReportLabels): string {
  const min = model.methodology.minGroupSize;
  const L = (id: ReportTextId, params?: Record<string, string | number>): string => escapeHtml(labels.text(id, params));
  const date = (value: Date | null): string => (value ? escapeHtml(formatDateKa(value)) : '—');
  const title = model.internal ? L('titleInternal') : L('titlePublic');
  const parts: string[] = [];

  parts.push(`<h1>${title}</h1>`, `<p>${L('period')}: ${escapeHtml(model.period.label)}</p>`);

  const basis = model.basis;
  parts.push(
    `<h2>${L('basis')}</h2>`,
    table(
      ['', labels.text('count')],
      [
        [L('total'), String(basis.total)],
        ...(['N1', 'N2', 'other'] as const).map((form) => [escapeHtml(labels.form(form)), String(basis.byForm[form])]),
        [L('invitations'), String(basis.invitationsSent)],
        [L('responseRate'), basis.n2ResponseRate === null ? '—' : escapeHtml(percentText(basis.n2ResponseRate))],
      ],
    ),
    table([labels.text('channel'), labels.text('count')], basis.byChannel.map((entry) => [escapeHtml(labels.channel(entry.channel)), String(entry.count)])),
  );

  parts.push(
    `<h2>${L('satisfaction')}</h2>`,
    table(scoreHeaders('', labels), [
      [L('overall'), ...scoreCells(model.satisfaction.overall, labels, min)],
      ...model.satisfaction.byForm.map((entry) => [escapeHtml(labels.form(entry.form)), ...scoreCells(entry.score, labels, min)]),
    ]),
  );

  const driverBars = model.drivers.map((entry) => ({ label: labels.driver(entry.driver), score: entry.score }));
  parts.push(
    `<h2>${L('drivers')}</h2>`,
    chart(labels.text('drivers'), driverBars),
    table(scoreHeaders(labels.text('driver'), labels), model.drivers.map((entry) => [escapeHtml(labels.driver(entry.driver)), ...scoreCells(entry.score, labels, min)])),
  );

  parts.push(
    `<h2>${L('questions')}</h2>`,
    table(
      [labels.text('form'), ...scoreHeaders(labels.text('question'), labels)],
      model.questions.map((q) => [escapeHtml(q.form), escapeHtml(q.text), ...scoreCells(q.score, labels, min)]),
    ),
  );

  parts.push(
    `<h2>${L('services')}</h2>`,
    chart(labels.text('services'), model.services.map((entry) => ({ label: entry.name, score: entry.score }))),
    table(scoreHeaders(labels.text('service'), labels), model.services.map((entry) => [escapeHtml(entry.name), ...scoreCells(entry.score, labels, min)])),
    `<h2>${L('channels')}</h2>`,
    table(scoreHeaders(labels.text('channel'), labels), model.channels.map((entry) => [escapeHtml(labels.channel(entry.channel)), ...scoreCells(entry.score, labels, min)])),
  );

  if (model.previous || model.lastYear) {
    const headers = ['', labels.text('current')];
    if (model.previous) headers.push(`${labels.text('previous')} (${model.previous.label})`, labels.text('change'));
    if (model.lastYear) headers.push(`${labels.text('lastYear')} (${model.lastYear.label})`, labels.text('change'));
    const rows = model.trends.map((trend) => {
      const cells = [escapeHtml(trendLabel(trend, labels)), shortScore(trend.current, labels, min)];
      if (model.previous) cells.push(shortScore(trend.previous, labels, min), escapeHtml(labels.trend(trend.vsPrevious)));
      if (model.lastYear) cells.push(shortScore(trend.lastYear, labels, min), escapeHtml(labels.trend(trend.vsLastYear)));
      return cells;
    });
    parts.push(`<h2>${L('trends')}</h2>`, table(headers, rows));
  }

  const problems = model.problems;
  const themeHeaders = [labels.text('theme'), labels.text('count')];
  if (model.internal) themeHeaders.push(labels.text('comments'));
  parts.push(
    `<h2>${L('problems')}</h2>`,
    `<h3>${L('lowest')}</h3>`,
    problems.lowestQuestions.length
      ? table(scoreHeaders(labels.text('question'), labels), problems.lowestQuestions.map((q) => [escapeHtml(q.text), ...scoreCells(q.score, labels, min)]))
      : `<p>${L('none')}</p>`,
    `<p>${L('lowScore')}: ${problems.lowScoreResponses}</p>`,
    `<h3>${L('themes')}</h3>`,
    problems.themes.length ? table(themeHeaders, problems.themes.map((theme) => themeCells(theme, labels, min, model.internal))) : `<p>${L('none')}</p>`,
  );

  const actionHeaders = model.internal
    ? [labels.text('problem'), labels.text('decision'), labels.text('service'), labels.text('owner'), labels.text('due'), labels.text('status')]
    : [labels.text('decision'), labels.text('service'), labels.text('due'), labels.text('status')];
  const serviceNames = new Map(model.services.map((entry) => [entry.code, entry.name]));
  const actionRows = model.actions.map((action) => {
    const status = escapeHtml(labels.status(action.status)) + (action.overdue ? ` <span class="overdue">${L('overdue')}</span>` : '');
    const service = escapeHtml(serviceNames.get(action.service) ?? action.service);
    return model.internal
      ? [escapeHtml(action.problem ?? ''), escapeHtml(action.text), service, escapeHtml(action.owner ?? ''), date(action.due), status]
      : [escapeHtml(action.text), service, date(action.due), status];
  });
  parts.push(`<h2>${L('actions')}</h2>`, actionRows.length ? table(actionHeaders, actionRows) : `<p>${L('none')}</p>`);

  const method = model.methodology;
  parts.push(
    `<h2>${L('methodology')}</h2>`,
    `<p>${L('methodScale', { agree: method.agreeMin })}</p>`,
    `<p>${L('methodInterval')}</p>`,
    `<p>${L('methodTrend')}</p>`,
    `<p>${L('methodSuppression', { min: method.minGroupSize })}</p>`,
    `<p>${L('methodLow', { low: method.lowScoreMax })}</p>`,
  );

  return (
    `<!DOCTYPE html><html lang="${model.language}"><head><meta charset="utf-8"><title>${title} — ${escapeHtml(model.period.label)}</title>` +
    `<style>${STYLE}</style></head><body>${parts.join('\n')}</body></html>`
  );
}
