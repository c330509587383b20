/**
 * Drivers per service (issue 16, item 7: "is medical co-financing slow?"): each form's drivers
 * within each service, N1 and N2 apart, never pooled. A service's satisfaction driver is its
 * overall score, shown already, so it is left out. Every group is suppressed below the minimum
 * group size and checked against earlier outputs (ledger key `driver:<form>:<driver>:service:<code>`);
 * the services of one driver split that driver's published figure, so their hidden groups are
 * made to add up to the minimum (report-groups.ts withholdComplements) or nothing.
 */
import type { ReleaseGuard } from './disclosure';
import { add as addAnswer, newAccumulator, withholdComplements, type Accumulator, type ScoredItem } from './report-groups';
import { compare, isScore, summaryOf, type Summary, type Suppressed, type Trend } from './stats';
import type { Driver, FeedbackRecord, FormKey } from './types';
import { DRIVERS } from './types';

export type DriverScore = Suppressed | (Summary & { respondents: number });

export interface ServiceDriverRow {
  form: FormKey;
  code: string;
  /** The form's drivers but satisfaction, in DRIVERS order. */
  cells: Array<{ driver: Driver; score: DriverScore; vsForm: Trend }>;
}

export const serviceDriverKey = (form: FormKey, driver: Driver, code: string): string => `driver:${form}:${driver}:service:${code}`;

export interface ServiceDriversInput {
  /** The period's records with their index in the whole table (distinct respondents). */
  records: ReadonlyArray<{ record: FeedbackRecord; index: number }>;
  itemsByForm: Record<FormKey, readonly ScoredItem[]>;
  serviceOrder: readonly string[];
  /** The form-wide driver scores as published: a service's driver is compared with its form's. */
  formDrivers: ReadonlyArray<{ form: FormKey; driver: Driver; score: DriverScore }>;
  minGroupSize: number;
  guard?: ReleaseGuard;
}

function scoreOf(acc: Accumulator | undefined, minGroupSize: number): DriverScore {
  if (!acc || acc.respondents === 0) return { suppressed: true, noData: true };
  if (acc.withheld || acc.respondents < minGroupSize) return { suppressed: true };
  return { ...summaryOf(acc), respondents: acc.respondents };
}

/** Rows only for services with at least one published driver. */
export function buildServiceDrivers(input: ServiceDriversInput): ServiceDriverRow[] {
  const rows: ServiceDriverRow[] = [];
  for (const form of ['N1', 'N2'] as const) {
    const drivers = DRIVERS.filter((driver) => driver !== 'satisfaction' && input.itemsByForm[form].some((item) => item.driver === driver));
    // service code → one accumulator per driver
    const groups = new Map<string, Accumulator[]>();
    for (const { record, index } of input.records) {
      if (record.form !== form) continue;
      for (const item of input.itemsByForm[form]) {
        const value = record.answers[item.id];
        if (item.driver === 'satisfaction' || !isScore(value)) continue;
        let list = groups.get(record.service);
        if (!list) {
          list = drivers.map(newAccumulator);
          groups.set(record.service, list);
        }
        addAnswer(list[drivers.indexOf(item.driver)], value, index);
      }
    }
    drivers.forEach((driver, d) => {
      const split: Accumulator[] = [];
      groups.forEach((list, code) => {
        const acc = list[d];
        if (input.guard && acc.respondents >= input.minGroupSize && !input.guard(serviceDriverKey(form, driver, code), acc.respondents)) acc.withheld = true;
        split.push(acc);
      });
      withholdComplements(split, input.minGroupSize);
    });
    const order = [...input.serviceOrder, ...[...groups.keys()].filter((code) => !input.serviceOrder.includes(code))];
    for (const code of order) {
      const list = groups.get(code);
      if (!list) continue;
      const cells = drivers.map((driver, d) => {
        const score = scoreOf(list[d], input.minGroupSize);
        const whole = input.formDrivers.find((entry) => entry.form === form && entry.driver === driver)?.score;
        return { driver, score, vsForm: compare(score, whole) };
      });
      if (cells.some((cell) => !cell.score.suppressed)) rows.push({ form, code, cells });
    }
  }
  return rows;
}
