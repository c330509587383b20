/**
 * Reports by reach (domain/reach.ts) for the analysis report: the invitations of each channel in
 * the period — the log's email and SMS rows, the phone survey's calls, the desk's applications —
 * against the answers, and the N2 outcome by how people were reached. The figures go through the
 * disclosure ledger like the report's own, and are recorded once the report is written.
 */
import type { Period } from '../domain/dates';
import { newReleases } from '../domain/disclosure';
import { buildReach, reachReleases, type ReachModel } from '../domain/reach';
import { deskApplicationsIn } from '../adapters/applications-tab';
import { callsIn } from '../adapters/call-list';
import { recordReleases } from '../adapters/disclosure-ledger';
import { invitationsSentByChannel } from '../adapters/invitation-log';
import type { PeriodData } from './period-data';

export function loadReach(period: Pick<Period, 'from' | 'to'>, data: Pick<PeriodData, 'records' | 'settings' | 'ledger' | 'services'>): ReachModel {
  const sent = invitationsSentByChannel(period);
  // Desk applications of every service: the desk channel's reach.
  const desk = Object.values(deskApplicationsIn(period, data.services)).reduce((sum, n) => sum + n, 0);
  return buildReach({
    records: data.records,
    period,
    invited: { email: sent.email ?? 0, sms: sent.sms ?? 0, phone: callsIn(period).called, desk },
    minGroupSize: data.settings.minGroupSize,
    ledger: data.ledger,
  });
}

/** Records the reach figures an output showed (after the output is written). */
export function recordReach(reach: ReachModel, period: Pick<Period, 'from' | 'to'>, data: Pick<PeriodData, 'ledger'>, output: string): void {
  recordReleases(newReleases(data.ledger, reachReleases(reach, period)), output);
}
