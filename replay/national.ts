/**
 * `npm run demo -- --national N`: N municipalities of different sizes and service quality,
 * generated from seeds, each replayed through the built bundle in its own Google account; each
 * exports its quarter's aggregates through the menu (never a row); the association's workbook,
 * the same bundle with the setting mode = national, lists those files, builds the comparison
 * report and its funnel plots. The files are placed in the association's Drive, standing in for
 * files the municipalities share with it by link.
 */
import { grantNationalScopes } from './national-manifest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAggregates, type AggregatesFile } from '../src/domain/aggregates';
import { t } from '../src/domain/messages';
import { nationalIndicators } from '../src/domain/national-report';
import { writeOutput } from './output';
import { clickMenu, playScenario, type PlayResult } from './player';
import { mulberry32, sampleScenario } from './sample';
import type { Scenario } from './scenario';

/** Georgian municipalities, for names (a 65th and later get a number). */
const NAMES = [
  'ამბროლაური',
  'ონი',
  'ცაგერი',
  'ლენტეხი',
  'თელავი',
  'ქუთაისი',
  'ბათუმი',
  'ზუგდიდი',
  'გორი',
  'ფოთი',
  'რუსთავი',
  'ახალციხე',
  'მცხეთა',
  'ბორჯომი',
  'სიღნაღი',
  'ყვარელი',
  'ხაშური',
  'ქობულეთი',
  'ოზურგეთი',
  'ჭიათურა',
  'ზესტაფონი',
  'სამტრედია',
  'ტყიბული',
  'ხონი',
  'მარტვილი',
  'სენაკი',
  'აბაშა',
  'ჩხოროწყუ',
  'წალენჯიხა',
  'მესტია',
  'ლანჩხუთი',
  'ჩოხატაური',
  'ხულო',
  'შუახევი',
  'ქედა',
  'ხელვაჩაური',
  'ადიგენი',
  'ასპინძა',
  'ახალქალაქი',
  'ნინოწმინდა',
  'ბოლნისი',
  'დმანისი',
  'წალკა',
  'თეთრიწყარო',
  'მარნეული',
  'გარდაბანი',
  'საგარეჯო',
  'გურჯაანი',
  'ლაგოდეხი',
  'დედოფლისწყარო',
  'ახმეტა',
  'თიანეთი',
  'დუშეთი',
  'ყაზბეგი',
  'კასპი',
  'ქარელი',
  'კარელი',
  'ხარაგაული',
  'თერჯოლა',
  'ვანი',
  'ბაღდათი',
  'საჩხერე',
  'წყალტუბო',
  'ახალგორი',
];
export const NATIONAL_PERIOD = '2026-Q1';
const EXPORT = t('menu.export_aggregates');
const NATIONAL = t('menu.national_report');

export interface NationalOptions {
  count: number;
  seed: number;
  /** The largest municipality's cases in the quarter (the smallest has 40). */
  maxCases?: number;
  log?: (line: string) => void;
}

export interface NationalMunicipality {
  name: string;
  cases: number;
  scoreShift: number;
  file: AggregatesFile;
  text: string;
}

export interface NationalRun {
  municipalities: NationalMunicipality[];
  association: PlayResult;
  /** What the menu showed the association's staff, in order. */
  messages: string[];
  reportDocId: string | null;
}

/** The sizes and qualities of N municipalities: from 40 cases to maxCases, on a log scale, shuffled by the seed. */
export function municipalityPlan(count: number, seed: number, maxCases = 600): Array<{ name: string; cases: number; scoreShift: number }> {
  const random = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => {
    const name = i < NAMES.length ? NAMES[i] : `${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length) + 1}`;
    const cases = Math.round(40 * (maxCases / 40) ** random());
    // Most serve about as well as each other; the second is clearly worse, so the plot shows one outside.
    const scoreShift = i === 1 ? -1.1 : Math.round((random() - 0.5) * 60) / 100;
    return { name, cases, scoreShift };
  });
}

export function playNational(options: NationalOptions): NationalRun {
  const log = options.log ?? (() => undefined);
  const municipalities: NationalMunicipality[] = [];
  for (const [i, plan] of municipalityPlan(options.count, options.seed, options.maxCases).entries()) {
    const scenario = sampleScenario(options.seed + 1 + i, { cases: plan.cases, municipality: plan.name, scoreShift: plan.scoreShift });
    log(`municipality ${i + 1}/${options.count}: ${plan.name}, ${plan.cases} cases, score shift ${plan.scoreShift}`);
    const result = playScenario(scenario);
    const message = clickMenu(result, EXPORT, NATIONAL_PERIOD);
    const json = result.ws.drive.index().find((row) => row.mimeType === 'application/json' && !row.trashed);
    const text = json ? Buffer.from(result.ws.drive.contentOf(json.id) ?? new Uint8Array()).toString('utf8') : '';
    const read = readAggregates(text);
    if (!read.ok) throw new Error(`${plan.name}: the export made no readable file (${message})`);
    municipalities.push({ ...plan, file: read.file, text });
  }

  const scenario: Scenario = {
    now: '2026-04-06T09:00:00+04:00',
    settings: { municipality: 'საქართველოს ადგილობრივ თვითმმართველობათა ეროვნული ასოციაცია', mode: 'national' },
    cases: [],
    responses: [],
    otherFeedback: [],
    actions: [],
  };
  log("the association's workbook (mode = national)");
  const association = playScenario(scenario);
  // Deployed with the association's manifest: drive.readonly reads the files the municipalities share.
  grantNationalScopes(association.ws);
  const messages = [clickMenu(association, NATIONAL, NATIONAL_PERIOD)];
  // Staff paste each municipality's file link into the tab the first run made.
  const ids = municipalities.map((m) => association.ws.drive.app.createFile(`${m.name} — ${m.file.period.key}.json`, m.text, 'application/json').getId());
  const links = ids.map((id, i) => [i % 2 === 0 ? `https://drive.google.com/file/d/${id}/view?usp=sharing` : id]);
  if (links.length) association.ws.spreadsheets.userEdit(association.spreadsheetId, t('tab.national_sources'), `A2:A${links.length + 1}`, links);
  messages.push(clickMenu(association, NATIONAL, NATIONAL_PERIOD));
  const prefix = t('file.national_report', { period: '' });
  const doc = association.ws.docs.list().find((d) => d.name.startsWith(prefix));
  return { municipalities, association, messages, reportDocId: doc?.id ?? null };
}

/** Writes the association's workbook as the demo does, plus each municipality's exported file and a summary. */
export function writeNationalOutput(run: NationalRun, outDir: string): { files: number } {
  const { files } = writeOutput(run.association, outDir, `national comparison of ${run.municipalities.length} municipalities`);
  mkdirSync(join(outDir, 'municipalities'), { recursive: true });
  for (const [i, m] of run.municipalities.entries()) writeFileSync(join(outDir, 'municipalities', `${String(i + 1).padStart(2, '0')}.json`), m.text, 'utf8');
  const indicators = nationalIndicators(run.municipalities.map((m) => m.file)).map((ind) => ({
    key: ind.key,
    national: ind.result.national,
    respondents: ind.result.respondents,
    points: ind.result.points.map((p) => ({ municipality: p.municipality, respondents: p.respondents, share: p.share, verdict: p.verdict })),
    hidden: ind.hidden,
  }));
  writeFileSync(
    join(outDir, 'national.json'),
    `${JSON.stringify({ municipalities: run.municipalities.map(({ name, cases, scoreShift }) => ({ name, cases, scoreShift })), messages: run.messages, indicators }, null, 2)}\n`,
    'utf8',
  );
  return { files: files + run.municipalities.length + 1 };
}
