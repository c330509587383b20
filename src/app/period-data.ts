/**
 * The data of a period that the analysis report, the meeting agenda and the public report share:
 * every tab they read, once each, and the report model built from them, so the three show the
 * same figures (the N2 response rate from the invitations log, the trend periods).
 */
import { previousPeriod, samePeriodLastYear, type Period } from '../domain/dates';
import { reportServices } from '../domain/report-inputs';
import { newReleases, type Release } from '../domain/disclosure';
import { modelReleases } from '../domain/model-releases';
import { buildReportModel, type ReportModel, type ReportPeriod } from '../domain/report-model';
import type { Theme } from '../domain/themes';
import type { ActionRecord, FeedbackRecord, Service, Settings } from '../domain/types';
import { readActions } from '../adapters/actions-tab';
import { readLedger, recordReleases } from '../adapters/disclosure-ledger';
import { readFeedback } from '../adapters/feedback-table';
import { invitationsByServiceIn, invitationsSentIn } from '../adapters/invitation-log';
import { deskApplicationsIn } from '../adapters/applications-tab';
import { readServices } from '../adapters/services-tab';
import { readSettings } from '../adapters/settings-tab';
import { readThemes } from '../adapters/themes-tab';

export interface PeriodData {
  settings: Settings;
  services: Service[];
  records: FeedbackRecord[];
  actions: ActionRecord[];
  themes: Theme[];
  model: ReportModel;
  /** Every group figure output before this one (the disclosure ledger). */
  ledger: Release[];
}

function reportPeriod(period: Period, language: 'ka' | 'en'): ReportPeriod {
  return { from: period.from, to: period.to, label: language === 'en' ? period.labelEn : period.label };
}

/** Reads the period's data and builds its report model; `language` defaults to the settings'. */
export function loadPeriodData(period: Period, options: { internal: boolean; language?: 'ka' | 'en' }): PeriodData {
  const settings = readSettings().value;
  const { services } = readServices();
  const themes = readThemes();
  const records = readFeedback({ services, themes });
  const actions = readActions(services, themes);
  const invitationsSent = invitationsSentIn(period);
  const invitationsByService = invitationsByServiceIn(period, services);
  const deskApplications = deskApplicationsIn(period, services);
  const ledger = readLedger();
  const language = options.language ?? settings.language;
  const model = buildReportModel({
    records,
    actions,
    period: reportPeriod(period, language),
    previous: reportPeriod(previousPeriod(period), language),
    lastYear: reportPeriod(samePeriodLastYear(period), language),
    invitationsSent,
    invitationsByService,
    deskApplications,
    minGroupSize: settings.minGroupSize,
    services: reportServices(services, records),
    language,
    internal: options.internal,
    ledger,
  });
  return { settings, services, records, actions, themes, model, ledger };
}

/**
 * Records in the ledger the group figures an output just showed, so that no later output can be
 * combined with them to reveal a small group. Called once the output is written.
 */
export function recordOutput(data: PeriodData, output: string): void {
  recordReleases(newReleases(data.ledger, modelReleases(data.model)), output);
}
