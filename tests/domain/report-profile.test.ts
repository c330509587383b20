import { FORMS } from '../../src/domain/forms';
import { buildReportModel, type ReportInput } from '../../src/domain/report-model';
import { reportLabels } from '../../src/domain/report-labels';
import { reportLayout } from '../../src/domain/report-layout';
import { modelReleases } from '../../src/domain/model-releases';
import { OTHER_CHOICE } from '../../src/domain/report-profile';
import type { AnswerValue, FeedbackRecord } from '../../src/domain/types';
import { at, feedbackRecord } from '../support/records';

const JANUARY = { from: at('2026-01-01T00:00:00+04:00'), to: at('2026-02-01T00:00:00+04:00'), label: 'იანვარი 2026' };
const HEARD = FORMS.N1.items.find((item) => item.id === 'n1.heard_from')!.choices!;
const AGES = FORMS.N1.items.find((item) => item.id === 'n1.age_group')!.choices!;

function input(records: FeedbackRecord[], overrides: Partial<ReportInput> = {}): ReportInput {
  return { records, actions: [], period: JANUARY, invitationsSent: 0, minGroupSize: 5, services: [], language: 'ka', internal: true, ...overrides };
}

/** A deterministic table: N1 with how they heard and age, N2 with the problem question, outside the period too. */
function generate(count: number): FeedbackRecord[] {
  let state = 7;
  const random = (): number => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const records: FeedbackRecord[] = [];
  for (let i = 0; i < count; i++) {
    const inPeriod = random() < 0.8;
    const receivedAt = inPeriod ? at('2026-01-15T10:00:00+04:00') : at('2026-02-15T10:00:00+04:00');
    if (random() < 0.5) {
      const answers: Record<string, AnswerValue> = {};
      const heard = random();
      if (heard < 0.85) answers['n1.heard_from'] = HEARD[Math.floor(heard * 10) % 4];
      else if (heard < 0.9) answers['n1.heard_from'] = 'მეზობელმა მითხრა';
      if (random() < 0.8) answers['n1.age_group'] = AGES[Math.floor(random() * 3)];
      records.push(feedbackRecord({ form: 'N1', receivedAt, answers }));
    } else {
      const roll = random();
      const answers: Record<string, AnswerValue> = roll < 0.4 ? { 'n2.problem': 'დიახ' } : roll < 0.9 ? { 'n2.problem': 'არა' } : {};
      records.push(feedbackRecord({ form: 'N2', channel: 'email_link', receivedAt, answers }));
    }
  }
  return records;
}

describe('report profile: problem share, how people heard, age groups', () => {
  const records = generate(2000);
  const model = buildReportModel(input(records));
  const inPeriod = records.filter((r) => r.receivedAt >= JANUARY.from && r.receivedAt < JANUARY.to);

  it('recomputes the N2 problem share from the feedback table: "yes" among those who answered', () => {
    const n2 = inPeriod.filter((r) => r.form === 'N2');
    const answered = n2.filter((r) => r.answers['n2.problem'] === 'დიახ' || r.answers['n2.problem'] === 'არა');
    const yes = answered.filter((r) => r.answers['n2.problem'] === 'დიახ').length;
    expect(model.profile.problemShare).toEqual({ suppressed: false, answered: answered.length, yes, share: yes / answered.length });
  });

  it('recomputes every choice count, a typed answer counted as "other"', () => {
    const n1 = inPeriod.filter((r) => r.form === 'N1');
    for (const row of model.profile.heardFrom) {
      const expected = n1.filter((r) =>
        row.choice === OTHER_CHOICE ? r.answers['n1.heard_from'] === 'მეზობელმა მითხრა' : r.answers['n1.heard_from'] === row.choice,
      ).length;
      expect(row.count).toEqual({ suppressed: false, count: expected });
    }
    expect(model.profile.heardFrom.map((row) => row.choice)).toEqual([...HEARD.slice(0, 4), OTHER_CHOICE]);
    for (const row of model.profile.ageGroups) {
      expect(row.count).toEqual({ suppressed: false, count: n1.filter((r) => r.answers['n1.age_group'] === row.choice).length });
    }
    expect(model.profile.ageGroups).toHaveLength(3);
  });

  it('suppresses small counts, and the next smallest when the hidden ones together are fewer than the minimum', () => {
    const few = [
      ...Array.from({ length: 9 }, () => feedbackRecord({ receivedAt: at('2026-01-10T10:00:00+04:00'), answers: { 'n1.age_group': AGES[0] } })),
      ...Array.from({ length: 6 }, () => feedbackRecord({ receivedAt: at('2026-01-10T10:00:00+04:00'), answers: { 'n1.age_group': AGES[1] } })),
      ...Array.from({ length: 2 }, () => feedbackRecord({ receivedAt: at('2026-01-10T10:00:00+04:00'), answers: { 'n1.age_group': AGES[3] } })),
      ...Array.from({ length: 3 }, () =>
        feedbackRecord({ form: 'N2', channel: 'email_link', receivedAt: at('2026-01-10T10:00:00+04:00'), answers: { 'n2.problem': 'დიახ' } }),
      ),
    ];
    const profile = buildReportModel(input(few)).profile;
    expect(profile.ageGroups).toEqual([
      { choice: AGES[0], count: { suppressed: false, count: 9 } },
      { choice: AGES[1], count: { suppressed: true } }, // 6, or 17 − 9 − 6 would give the 2 away
      { choice: AGES[3], count: { suppressed: true } },
    ]);
    expect(profile.problemShare).toEqual({ suppressed: true });
    expect(buildReportModel(input([])).profile.problemShare).toEqual({ suppressed: true, noData: true });
    // Published counts go into the disclosure ledger; hidden ones do not.
    const keys = modelReleases(buildReportModel(input(few))).map((release) => release.key);
    expect(keys).toContain(`age:${AGES[0]}`);
    expect(keys).not.toContain(`age:${AGES[1]}`);
  });

  it('opens the report with a summary paragraph built from the published figures only', () => {
    const layout = reportLayout(model, reportLabels('ka'));
    const at0 = layout.blocks.findIndex((block) => block.kind === 'heading' && block.text === 'მოკლედ');
    expect(at0).toBeGreaterThan(0);
    const summary = layout.blocks[at0 + 1];
    const share = model.profile.problemShare;
    if (share.suppressed) throw new Error('expected a published share');
    expect(summary).toMatchObject({ kind: 'paragraph', text: expect.stringContaining(`N2-ის მოპასუხეთა ${Math.round(share.share * 100)}%-ს`) });
    const n1 = model.basis.byForm.N1;
    expect((summary as { text: string }).text).toContain(`N1 — ${n1}`);
    const profile = layout.blocks.findIndex((block) => block.kind === 'heading' && block.text === 'ვინ გვიპასუხა');
    expect(profile).toBeGreaterThan(at0);
  });
});
