/**
 * The sample quarter's cases (replay/sample.ts) played through the built product with answers
 * timed from the invitation each applicant actually received: about half of those invited answer
 * N2, 0.2–4.2 days after their mail (the sample's own delay, which it counts from the closing —
 * the moment invitations used to go). The replay cannot do this (its responses are timed in the
 * scenario, before anyone knows when the product will send), so the linkable share of the plain
 * replay understates what a member of staff could do. Writes the workbook's tabs, as the replay
 * does, for bench/linkable.ts to measure.
 *
 * Self-contained on purpose (tests/support, replay/sample, src/domain/schema only), so the same
 * file can be run on an earlier tree to measure its figure: see bench/README.md.
 *
 * Usage: node scripts/run-tool.mjs bench/linkable-sim.ts [OUT_DIR] [SEED]   (default linkable-out, 1)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUpWorkbook } from '../tests/support/workbook';
import { formRecord } from '../tests/support/tabs';
import { sampleScenario, mulberry32 } from '../replay/sample';
import { APPLY_CHANNELS, TABS } from '../src/domain/schema';
import { DEFAULT_SERVICES } from '../src/domain/services';

const DAY = 24 * 3600_000;
const HOUR = 3600_000;
const out = process.argv[2] ?? 'linkable-out';
const seed = Number(process.argv[3] ?? 1);
const random = mulberry32(seed);

const scenario = sampleScenario();
const f = setUpWorkbook();
const { ws, spreadsheetId } = f;
ws.core.setNow(Date.parse(String(scenario.now)));

const columns = TABS.applications.columns.map((c) => c.key);
const width = columns.indexOf('status') + 1;
const letter = (n: number): string => String.fromCharCode(64 + n);
const dayFirst = (iso: string): string => {
  const d = new Date(Date.parse(iso) + 4 * HOUR);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
};
/** The Georgian name of a service the workbook lists (the sample's extra services and typos are left out). */
const ka = (service: string): string | null => DEFAULT_SERVICES.find((s) => s.code === service || s.ka === service)?.ka ?? null;

type Event = { at: number; run: () => void };
const events: Event[] = [];
let row = 2;
for (const c of scenario.cases) {
  const name = ka(String(c.service));
  if (!c.closedAt || !name) continue;
  const at = Date.parse(String(c.closedAt));
  const sheetRow = row++;
  const channel = APPLY_CHANNELS.find((x) => x.id === c.channel)?.ka ?? '';
  events.push({
    at,
    run: () => {
      const values = [String(c.id), dayFirst(String(c.submittedAt)), name, String(c.applicant ?? ''), String(c.email ?? ''), channel, 'დასრულებულია'];
      ws.spreadsheets.userEdit(spreadsheetId, TABS.applications.name, `A${sheetRow}:${letter(width)}${sheetRow}`, [values.slice(0, width)]);
    },
  });
}
events.sort((a, b) => a.at - b.at);

const n2 = formRecord(f, 'N2');
let seen = 0;
const answers: Event[] = [];
/** Each new invitation: half the applicants answer, 0.2–4.2 days after it arrived. */
function scheduleAnswers(): void {
  for (; seen < ws.mail.sent.length; seen++) {
    const mail = ws.mail.sent[seen];
    const link = /https:\/\/\S+/.exec(mail.body)?.[0];
    if (!link || random() >= 0.5) continue;
    const at = mail.sentAt + (0.2 + random() * 4) * DAY;
    const score = 1 + Math.floor(random() * 5);
    answers.push({ at, run: () => void ws.forms.respond(n2.id, { [String(n2.items['n2.overall'])]: score }, { prefilledUrl: link }) });
  }
}

const end = Date.parse('2026-04-10T00:00:00+04:00');
for (;;) {
  answers.sort((a, b) => a.at - b.at);
  const next = [events[0], answers[0]].filter(Boolean).sort((a, b) => a.at - b.at)[0];
  if (!next || next.at > end) break;
  if (next.at > ws.core.now()) ws.script.runClockUntil(next.at);
  scheduleAnswers();
  (events[0] === next ? events : answers).shift();
  next.run();
  scheduleAnswers();
}
ws.script.runClockUntil(end);

const snapshot = ws.spreadsheets.snapshot(spreadsheetId);
const dir = join(out, 'spreadsheets', 'workbook');
mkdirSync(dir, { recursive: true });
for (const tab of snapshot.tabs)
  writeFileSync(
    join(dir, `${tab.name}.json`),
    JSON.stringify({ values: tab.values }, (_k, v) => v, 2),
  );
console.log(`${ws.mail.sent.length} invitations, ${seen} seen; tabs written to ${dir}`);
