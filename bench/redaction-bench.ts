/**
 * The redactor's miss rate and false redactions on the corpus written for it
 * (tests/support/redaction-corpus.ts), for the part it was tuned on and the held-out part, and its
 * speed on the whole corpus.
 */
import { ALL_APPLICANTS, HELD_OUT_CORPUS, TUNING_CORPUS, scoreRedaction, type RedactionScore } from '../tests/support/redaction-corpus';
import { redactPersonalData } from '../src/domain/redact';

export interface RedactionBench {
  tuning: RedactionScore;
  heldOut: RedactionScore;
  textsPerSecond: number;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

export function redactionBench(): { figures: RedactionBench; text: string } {
  const tuning = scoreRedaction(TUNING_CORPUS, ALL_APPLICANTS);
  const heldOut = scoreRedaction(HELD_OUT_CORPUS, ALL_APPLICANTS);
  const texts = [...TUNING_CORPUS, ...HELD_OUT_CORPUS].map((entry) => entry.text);
  const started = process.hrtime.bigint();
  const rounds = 20;
  for (let r = 0; r < rounds; r++) for (const text of texts) redactPersonalData(text, ALL_APPLICANTS);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const textsPerSecond = Math.round((rounds * texts.length) / seconds);
  const line = (part: string, s: RedactionScore): string =>
    `| ${part} | ${s.planted} | ${s.missed} | ${pct(s.missRate)} | ${s.kept} | ${s.falselyRedacted} | ${pct(s.falseRedactionRate)} | ${pct(s.collateralRate)} |`;
  const kinds = Object.entries(heldOut.byKind)
    .map(([kind, k]) => `${kind} ${k.missed}/${k.planted}`)
    .join(', ');
  const text = [
    'Redaction (tests/support/redaction-corpus.ts)',
    '| part | planted | missed | miss rate | ordinary numbers | falsely hidden | false-redaction rate | other words hidden |',
    '|---|---|---|---|---|---|---|---|',
    line('tuning', tuning),
    line('held-out', heldOut),
    `held-out misses by kind: ${kinds}`,
    `speed: ${textsPerSecond} texts a second (${ALL_APPLICANTS.length} known names, this machine)`,
  ].join('\n');
  return { figures: { tuning, heldOut, textsPerSecond }, text };
}
