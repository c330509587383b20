/**
 * Coverage and response rates per service and channel (issue 16, item 7). N1 is handed out at
 * the desk: its coverage is the N1 forms received in the period (paper and online) ÷ the desk
 * applications submitted in it. N2 goes by invitation: its response rate is the N2 answers
 * received in the period ÷ the invitations sent in it (answers are anonymous, so answers to an
 * earlier period's invitations count too: an estimate, never shown above 100 %). Per channel, a
 * rate is the forms of that channel ÷ all the form's applications or invitations: the share who
 * answered that way.
 *
 * Each count of forms is a count of people: suppressed below the minimum group size, checked
 * against earlier outputs (ledger keys `forms:N1:service:<code>`), and a split whose hidden
 * counts add up to fewer than the minimum hides its next smallest count too, so the form's total
 * minus the shown ones gives nothing away. A rate is shown only with its count. Applications
 * and invitations are the office's own register, not answers: they are shown as they are.
 */
import type { ReleaseGuard } from './disclosure';
import type { CountCell } from './report-themes';
import type { Channel, FeedbackRecord, FormKey } from './types';
import { CHANNELS } from './types';

/** A rate beside its count: suppressed with it; `rate` null without a base; `more` when the count exceeds the base. */
export type RateCell = { suppressed: true; noData?: true } | { suppressed: false; rate: number | null; more: boolean };

export interface CoverageRow {
  /** A service code, or a channel. */
  key: string;
  /** Desk applications (N1) or invitations sent (N2) in the period: of the service, or all of them for a channel. */
  base: number;
  forms: CountCell | { suppressed: true; noData: true };
  rate: RateCell;
}

export interface FormCoverage {
  form: FormKey;
  /** All desk applications (N1) or invitations (N2) of the period. */
  base: number;
  /** All the form's responses of the period (the data basis shows them too). */
  forms: number;
  rate: RateCell;
  /** Every service with a base or a form, in the order given. */
  services: CoverageRow[];
  /** Every channel the form came through. */
  channels: CoverageRow[];
}

export interface CoverageInput {
  /** The period's records (already filtered to the period). */
  records: readonly FeedbackRecord[];
  /** Desk applications submitted in the period, by service code. */
  deskApplications: Readonly<Record<string, number>>;
  /** N2 invitations sent in the period, by service code. */
  invitations: Readonly<Record<string, number>>;
  /** Service codes in report order. */
  serviceOrder: readonly string[];
  minGroupSize: number;
  guard?: ReleaseGuard;
}

/** The ledger key of a form's count for a service. */
export const formsKey = (form: FormKey, code: string): string => `forms:${form}:service:${code}`;

function rateOf(count: CountCell | { suppressed: true; noData: true }, forms: number, base: number): RateCell {
  if (count.suppressed) return count;
  if (base === 0) return { suppressed: false, rate: null, more: false };
  if (forms > base) return { suppressed: false, rate: null, more: true };
  return { suppressed: false, rate: forms / base, more: false };
}

/**
 * Counts of one split (services or channels) of a form's responses: each below the minimum (or
 * refused by the guard) hidden, then the smallest shown ones hidden until the hidden ones together
 * reach the minimum.
 */
export function splitCounts(
  counts: ReadonlyMap<string, number>,
  minGroupSize: number,
  allowed: (key: string, count: number) => boolean,
): Map<string, CountCell> {
  const present = Array.from(counts.entries()).filter(([, n]) => n > 0);
  const hidden = new Set(present.filter(([key, n]) => n < minGroupSize || !allowed(key, n)).map(([key]) => key));
  let hiddenSum = present.filter(([key]) => hidden.has(key)).reduce((sum, [, n]) => sum + n, 0);
  // One group withheld by the ledger alone would come back as the total minus the others.
  const lonely = (): boolean => hidden.size === 1 && present.some(([key, n]) => hidden.has(key) && n >= minGroupSize);
  for (const [key, n] of [...present].sort((a, b) => a[1] - b[1])) {
    if (hiddenSum === 0 || (hiddenSum >= minGroupSize && !lonely())) break;
    if (hidden.has(key)) continue;
    hidden.add(key);
    hiddenSum += n;
  }
  const cells = new Map<string, CountCell>();
  for (const [key, n] of present) cells.set(key, hidden.has(key) ? { suppressed: true } : { suppressed: false, count: n });
  return cells;
}

const NO_DATA = { suppressed: true, noData: true } as const;

export function buildCoverage(input: CoverageInput): FormCoverage[] {
  const { minGroupSize } = input;
  const result: FormCoverage[] = [];
  for (const form of ['N1', 'N2'] as const) {
    const byService = new Map<string, number>();
    const byChannel = new Map<string, number>();
    let forms = 0;
    for (const record of input.records) {
      if (record.form !== form) continue;
      forms++;
      byService.set(record.service, (byService.get(record.service) ?? 0) + 1);
      byChannel.set(record.channel, (byChannel.get(record.channel) ?? 0) + 1);
    }
    const bases = form === 'N1' ? input.deskApplications : input.invitations;
    const base = Object.values(bases).reduce((sum, n) => sum + n, 0);
    const allowed = (code: string, count: number): boolean => !input.guard || input.guard(formsKey(form, code), count);
    const serviceCells = splitCounts(byService, minGroupSize, allowed);
    // Channel counts are the data basis's own (shown there): no new figure for the ledger.
    const channelCells = splitCounts(byChannel, minGroupSize, () => true);
    const order = [...input.serviceOrder, ...[...byService.keys(), ...Object.keys(bases)].filter((code) => !input.serviceOrder.includes(code))];
    const services = Array.from(new Set(order))
      .filter((code) => (bases[code] ?? 0) > 0 || (byService.get(code) ?? 0) > 0)
      .map((code): CoverageRow => {
        // Nobody answered of a service that had applicants: a coverage of 0 %, a figure like any other.
        const cell = serviceCells.get(code) ?? (allowed(code, 0) ? { suppressed: false, count: 0 } : { suppressed: true });
        return { key: code, base: bases[code] ?? 0, forms: cell, rate: rateOf(cell, byService.get(code) ?? 0, bases[code] ?? 0) };
      });
    const channels = (CHANNELS as readonly Channel[])
      .filter((channel) => byChannel.has(channel))
      .map((channel): CoverageRow => {
        const cell = channelCells.get(channel) ?? NO_DATA;
        return { key: channel, base, forms: cell, rate: rateOf(cell, byChannel.get(channel) ?? 0, base) };
      });
    const total: CountCell | typeof NO_DATA = forms === 0 ? NO_DATA : forms < minGroupSize ? { suppressed: true } : { suppressed: false, count: forms };
    result.push({ form, base, forms, rate: rateOf(total, forms, base), services, channels });
  }
  return result;
}
