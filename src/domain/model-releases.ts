/**
 * The group figures a report model outputs, as the disclosure ledger records them (disclosure.ts):
 * every published score of the period and of its comparison periods, and every theme count
 * (problems and praise, the uncategorised texts of each).
 */
import { distinctReleases, periodDays, type Release } from './disclosure';
import { formsKey } from './report-coverage';
import { UNCATEGORISED, type ReportModel, type Score } from './report-model';
import { serviceDriverKey } from './service-drivers';

/** The group figures a report model outputs, as releases: what the ledger records after an output. */
export function modelReleases(model: ReportModel): Release[] {
  const releases: Release[] = [];
  const add = (key: string, period: { from: Date; to: Date } | null, score: Score | null | undefined): void => {
    if (!period || !score || score.suppressed) return;
    releases.push({ key, ...periodDays(period), respondents: score.respondents });
  };
  for (const row of model.satisfaction.byForm) add(`form:${row.form}`, model.period, row.score);
  for (const row of model.drivers) add(`driver:${row.form}:${row.driver}`, model.period, row.score);
  for (const row of model.questions) add(`question:${row.itemId}`, model.period, row.score);
  for (const row of model.services) add(`service:${row.form}:${row.code}`, model.period, row.score);
  for (const row of model.channels) add(`channel:${row.form}:${row.channel}`, model.period, row.score);
  for (const trend of model.trends) {
    const subject = trend.subject;
    const key =
      subject.kind === 'form'
        ? `form:${subject.form}`
        : subject.kind === 'driver'
          ? `driver:${subject.form}:${subject.driver}`
          : `service:${subject.form}:${subject.code}`;
    add(key, model.period, trend.current);
    add(key, model.previous, trend.previous);
    add(key, model.lastYear, trend.lastYear);
  }
  // Who answered: the N2 problem share's base, how people heard, age groups.
  const profile = model.profile;
  if (!profile.problemShare.suppressed) releases.push({ key: 'problem_share', ...periodDays(model.period), respondents: profile.problemShare.answered });
  for (const [prefix, rows] of [
    ['heard', profile.heardFrom],
    ['age', profile.ageGroups],
  ] as const) {
    for (const row of rows)
      if (!row.count.suppressed) releases.push({ key: `${prefix}:${row.choice}`, ...periodDays(model.period), respondents: row.count.count });
  }
  // Theme counts: problems (theme:…), praise (praise:…), and the texts of each without a theme.
  const groups: Array<[string, { themes: ReportModel['problems']['themes']; uncategorised: ReportModel['problems']['uncategorised'] }]> = [
    ['theme', model.problems],
    ['praise', model.praise],
  ];
  for (const [prefix, group] of groups) {
    for (const theme of group.themes) {
      if (!theme.suppressed) releases.push({ key: `${prefix}:${theme.theme}`, ...periodDays(model.period), respondents: theme.count });
    }
    const other = group.uncategorised;
    if (other && !other.suppressed) releases.push({ key: `${prefix}:${UNCATEGORISED}`, ...periodDays(model.period), respondents: other.count });
  }
  // Decisions (issue 16): forms per service, drivers per service, before/after windows.
  for (const form of model.coverage ?? []) {
    for (const row of form.services) {
      if (!row.forms.suppressed) releases.push({ key: formsKey(form.form, row.key), ...periodDays(model.period), respondents: row.forms.count });
    }
  }
  for (const row of model.serviceDrivers ?? []) {
    for (const cell of row.cells) add(serviceDriverKey(row.form, cell.driver, row.code), model.period, cell.score);
  }
  releases.push(...(model.effectReleases ?? []));
  return distinctReleases(releases);
}
