/**
 * The parts of the analysis report that lead to decisions (issue 16, item 7), computed beside
 * the report model: coverage and response rates per service and channel (report-coverage.ts),
 * drivers per service (service-drivers.ts) and before/after for each completed action
 * (action-effects.ts). Each guards its figures with the disclosure ledger like the rest.
 */
import { buildActionEffects, type ActionEffect } from './action-effects';
import { dayNumber, type Release, type ReleaseGuard } from './disclosure';
import { buildCoverage, type FormCoverage } from './report-coverage';
import type { ScoredItem } from './report-groups';
import { buildServiceDrivers, type DriverScore, type ServiceDriverRow } from './service-drivers';
import type { ActionRecord, Driver, FeedbackRecord, FormKey } from './types';

export interface DecisionFigures {
  /** Null when the report was given no register counts (desk applications, invitations by service). */
  coverage: FormCoverage[] | null;
  serviceDrivers: ServiceDriverRow[];
  actionEffects: ActionEffect[];
  /** The before/after figures this output releases (the ledger records them). */
  effectReleases: Release[];
}

/** The figures, and how many before/after figures earlier outputs withheld (the rest count through `guard`). */
export type DecisionResult = DecisionFigures & { effectsWithheld: number };

export interface DecisionInput {
  records: readonly FeedbackRecord[];
  /** The period's records with their index in the whole table. */
  periodRecords: ReadonlyArray<{ record: FeedbackRecord; index: number }>;
  actions: readonly ActionRecord[];
  period: { from: Date; to: Date };
  itemsByForm: Record<FormKey, readonly ScoredItem[]>;
  serviceOrder: readonly string[];
  formDrivers: ReadonlyArray<{ form: FormKey; driver: Driver; score: DriverScore }>;
  deskApplications?: Readonly<Record<string, number>>;
  invitationsByService?: Readonly<Record<string, number>>;
  minGroupSize: number;
  guard?: ReleaseGuard;
  /** The ledger and the figures of the period this report shows (question and theme keys). */
  prior: readonly Release[];
}

export function decisionFigures(input: DecisionInput): DecisionResult {
  const coverage =
    input.deskApplications && input.invitationsByService
      ? buildCoverage({
          records: input.periodRecords.map((entry) => entry.record),
          deskApplications: input.deskApplications,
          invitations: input.invitationsByService,
          serviceOrder: input.serviceOrder,
          minGroupSize: input.minGroupSize,
          guard: input.guard,
        })
      : null;
  const serviceDrivers = buildServiceDrivers({
    records: input.periodRecords,
    itemsByForm: input.itemsByForm,
    serviceOrder: input.serviceOrder,
    formDrivers: input.formDrivers,
    minGroupSize: input.minGroupSize,
    guard: input.guard,
  });
  const effects = buildActionEffects({
    records: input.records,
    actions: input.actions,
    period: input.period,
    items: [...input.itemsByForm.N1, ...input.itemsByForm.N2],
    minGroupSize: input.minGroupSize,
    prior: input.prior,
  });
  return { coverage, serviceDrivers, actionEffects: effects.effects, effectReleases: effects.releases, effectsWithheld: effects.withheld };
}

/** A figure of the period as a release, for `prior`. */
export function periodRelease(key: string, period: { from: Date; to: Date }, respondents: number): Release {
  return { key, from: dayNumber(period.from), to: dayNumber(period.to), respondents };
}
