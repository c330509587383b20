/**
 * `npm run demo [-- --scenario FILE.json] [--out DIR] [--seed N] [--environment NAME] [--write-sample FILE.json]`
 *
 * Replays a scenario (the built-in sample quarter by default) through the built bundle on the
 * emulated Workspace and writes what the Workspace holds at the end into DIR (../shared/scenario.md).
 * The Google world is the scenario's `environment`, or `--environment consumer|workspace|workspace-strict`,
 * which replaces it.
 * Exit codes: 0 replayed (refused inputs and failing product steps are reported, not fatal);
 * 2 the scenario is not valid JSON or not a scenario, or the arguments are wrong; 1 anything else.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ENVIRONMENT_NAMES, parseScenario, type ResolvedEnvironment, resolveEnvironment, ScenarioError, type Scenario } from './scenario';
import { playScenario, type SelfCheckRecord } from './player';
import { writeOutput } from './output';
import { environmentLine } from './index-page';
import { SAMPLE_SEED, sampleScenario } from './sample';
import { playNational, writeNationalOutput } from './national';

export interface DemoArgs {
  scenario: string | null;
  out: string;
  seed: number;
  writeSample: string | null;
  /** A named environment (`--environment`): replaces the scenario's `environment`. */
  environment: string | null;
  /** `--national N`: N municipalities and the association's comparison (replay/national.ts). */
  national: number | null;
}

const USAGE = `usage: npm run demo [-- --scenario FILE.json] [--out DIR] [--seed N] [--environment ${ENVIRONMENT_NAMES.join('|')}] [--write-sample FILE.json] [--national N]`;

export function parseArgs(argv: string[]): DemoArgs {
  const args: DemoArgs = { scenario: null, out: 'demo-out', seed: SAMPLE_SEED, writeSample: null, environment: null, national: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new ScenarioError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--scenario':
        args.scenario = value();
        break;
      case '--out':
        args.out = value();
        break;
      case '--seed': {
        const seed = Number(value());
        if (!Number.isInteger(seed)) throw new ScenarioError(`--seed must be an integer\n${USAGE}`);
        args.seed = seed;
        break;
      }
      case '--national': {
        const count = Number(value());
        if (!Number.isInteger(count) || count < 1 || count > 200)
          throw new ScenarioError(`--national needs a whole number of municipalities, 1 to 200\n${USAGE}`);
        args.national = count;
        break;
      }
      case '--write-sample':
        args.writeSample = value();
        break;
      case '--environment': {
        const name = value();
        if (!(ENVIRONMENT_NAMES as string[]).includes(name))
          throw new ScenarioError(`unknown environment "${name}": --environment takes ${ENVIRONMENT_NAMES.join(', ')}\n${USAGE}`);
        args.environment = name;
        break;
      }
      case '--help':
      case '-h':
        throw new ScenarioError(USAGE);
      default:
        throw new ScenarioError(`unknown argument "${argv[i]}"\n${USAGE}`);
    }
  }
  return args;
}

/** The self-check in one line: its checklist's count per status, else how many messages it showed. */
function selfCheckLine(check: SelfCheckRecord | null): string {
  if (!check) return 'not in this build';
  if (!check.checklist) return `showed ${check.shown.length} message(s), wrote no checklist`;
  const count = (mark: string) => check.checklist?.filter((c) => c.status === mark).length ?? 0;
  const problems = check.checklist.filter((c) => c.status !== '✓').map((c) => `${c.status} ${c.check}`);
  return `✓ ${count('✓')} · ⚠ ${count('⚠')} · ✗ ${count('✗')}${problems.length ? ` (${problems.join('; ')})` : ''}`;
}

function loadScenario(path: string): Scenario {
  if (!existsSync(path)) throw new ScenarioError(`scenario file not found: ${path}`);
  return parseScenario(readFileSync(path, 'utf8'), path);
}

export function main(argv: string[], cwd = process.cwd()): number {
  const log = (line: string) => console.log(line);
  let args: DemoArgs;
  let scenario: Scenario;
  let name: string;
  let environment: ResolvedEnvironment;
  try {
    args = parseArgs(argv);
    if (args.scenario) {
      scenario = loadScenario(resolve(cwd, args.scenario));
      name = args.scenario;
    } else {
      scenario = sampleScenario(args.seed);
      name = `built-in sample (seed ${args.seed})`;
    }
    environment = resolveEnvironment(scenario.environment, args.environment);
  } catch (err) {
    if (err instanceof ScenarioError) {
      console.error(`demo: ${err.message}`);
      return 2;
    }
    throw err;
  }
  if (args.national !== null) return nationalDemo(args, cwd, log);
  if (args.writeSample) {
    writeFileSync(resolve(cwd, args.writeSample), `${JSON.stringify(sampleScenario(args.seed), null, 2)}\n`, 'utf8');
    log(`sample scenario written to ${args.writeSample}`);
  }
  const dist = join(__dirname, '..', 'dist', 'Code.js');
  if (!existsSync(dist)) {
    console.error(`demo: ${dist} is missing; run \`npm run build\` first (npm run demo does it)`);
    return 1;
  }

  log(`ukukavshiri demo — replaying ${name}`);
  log(
    `  ${scenario.cases.length} cases, ${scenario.responses.length} responses, ${scenario.otherFeedback.length} other-channel notes, ${scenario.actions.length} actions`,
  );
  log(`  environment: ${environmentLine({ ...environment.environment, name: environment.name, source: environment.source })}`);
  const result = playScenario(scenario, { log, environment });
  const outDir = resolve(cwd, args.out);
  log('writing the output folder …');
  const { summary, files } = writeOutput(result, outDir, name);

  const responses =
    Object.entries(summary.responses.submitted)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  log('');
  log('summary');
  log(`  cases ${summary.cases} (entered ${summary.casesEntered}), closed ${summary.closed}`);
  log(`  invitations sent ${summary.invitations.sent}, without invitation ${summary.invitations.refused}`);
  log(`  responses accepted: ${responses}`);
  log(`  feedback rows ${summary.feedbackRows}, documents ${summary.documentsCreated}, mails ${summary.mailsSent}`);
  log(`  environment ${result.environment.name ?? 'custom'}; self-check ${selfCheckLine(result.environment.selfCheck)}`);
  log(
    `  refused input ${summary.refusedInput.count}, replay step errors ${summary.errors.length}, failing trigger kinds ${summary.triggerFailures.length}, scenario warnings ${summary.warnings.length}`,
  );
  for (const warning of summary.warnings.slice(0, 10)) log(`    warning: ${warning}`);
  if (summary.warnings.length > 10) log(`    … ${summary.warnings.length - 10} more in summary.json`);
  for (const failure of summary.triggerFailures) log(`    trigger ${failure.handler} failed ${failure.count}×: ${failure.message.split('\n')[0]}`);
  const shown = relative(cwd, outDir) || '.';
  log('');
  log(`done: ${files} files in ${shown}/`);
  log(`  open ${join(shown, 'index.html')} in a browser; counts are in ${join(shown, 'summary.json')}`);
  return 0;
}

function nationalDemo(args: DemoArgs, cwd: string, log: (line: string) => void): number {
  log(`ukukavshiri demo — ${args.national} municipalities and the association's comparison (seed ${args.seed})`);
  const run = playNational({ count: args.national ?? 1, seed: args.seed, log });
  const outDir = resolve(cwd, args.out);
  const { files } = writeNationalOutput(run, outDir);
  for (const message of run.messages) log(`  association: ${message.split('\n')[0]}`);
  const shown = relative(cwd, outDir) || '.';
  log(`done: ${files} files in ${shown}/; the comparison report is under docs/, each municipality's file under municipalities/, verdicts in national.json`);
  return 0;
}

// Run when executed (scripts/run-tool.mjs bundles this file for Node), not when imported by tests.
if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    console.error(`demo: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  }
}
