/**
 * Who answered and what they said beyond the scores: the share of N2 respondents who met a
 * problem, how N1 respondents heard of the service, and their age groups. Every count of people
 * is suppressed below the minimum group size and passes the disclosure guard like any figure; a
 * choice list whose hidden counts together are fewer than the minimum hides its next smallest
 * count too, so the form's total minus the shown ones cannot give them away.
 */
import { FORMS } from './forms';
import { t } from './messages';
import type { CountCell } from './report-themes';
import type { FeedbackRecord, ItemDefinition } from './types';

export interface ChoiceCount {
  /** The answer as stored (the Georgian choice), or OTHER_CHOICE for a typed "other". */
  choice: string;
  count: CountCell;
}

/** Share of N2 respondents who answered "yes" to n2.problem, among those who answered it. */
export type ProblemShare = { suppressed: true; noData?: true } | { suppressed: false; answered: number; yes: number; share: number };

export interface Profile {
  problemShare: ProblemShare;
  heardFrom: ChoiceCount[];
  ageGroups: ChoiceCount[];
}

/** A typed answer to a choice item with an "other" option. */
export const OTHER_CHOICE = 'other';

const itemOf = (id: string): ItemDefinition => {
  const item = [...FORMS.N1.items, ...FORMS.N2.items].find((entry) => entry.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
};
const HEARD = itemOf('n1.heard_from');
const AGE = itemOf('n1.age_group');
const PROBLEM = itemOf('n2.problem');

/** Counts answers of a choice item; a value outside the list counts as "other" when the item allows it. */
export class ChoiceTally {
  readonly counts = new Map<string, number>();
  constructor(private readonly item: ItemDefinition) {}

  add(value: unknown): void {
    if (typeof value !== 'string' || value.trim() === '') return;
    const listed = this.item.choices?.includes(value);
    if (!listed && !this.item.hasOther) return;
    const key = listed ? value : OTHER_CHOICE;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  rows(minGroupSize: number, allowed: (key: string, count: number) => boolean, prefix: string): ChoiceCount[] {
    const order = [...(this.item.choices ?? []), OTHER_CHOICE];
    const present = order.filter((choice) => (this.counts.get(choice) ?? 0) > 0).map((choice) => ({ choice, n: this.counts.get(choice) as number }));
    const hidden = new Set(present.filter((row) => row.n < minGroupSize || !allowed(`${prefix}:${row.choice}`, row.n)).map((row) => row.choice));
    let hiddenSum = present.filter((row) => hidden.has(row.choice)).reduce((sum, row) => sum + row.n, 0);
    for (const row of [...present].sort((a, b) => a.n - b.n)) {
      if (hiddenSum === 0 || hiddenSum >= minGroupSize) break;
      if (hidden.has(row.choice)) continue;
      hidden.add(row.choice);
      hiddenSum += row.n;
    }
    return present.map((row) => ({ choice: row.choice, count: hidden.has(row.choice) ? { suppressed: true } : { suppressed: false, count: row.n } }));
  }
}

/** The profile of one period's records (already filtered to the period). */
export class ProfileTally {
  private readonly heard = new ChoiceTally(HEARD);
  private readonly age = new ChoiceTally(AGE);
  private answered = 0;
  private yes = 0;

  add(record: FeedbackRecord): void {
    if (record.form === 'N1') {
      this.heard.add(record.answers['n1.heard_from']);
      this.age.add(record.answers['n1.age_group']);
    } else if (record.form === 'N2') {
      const value = record.answers['n2.problem'];
      if (value === PROBLEM.choices?.[0]) this.yes++;
      if (value === PROBLEM.choices?.[0] || value === PROBLEM.choices?.[1]) this.answered++;
    }
  }

  profile(minGroupSize: number, allowed: (key: string, count: number) => boolean): Profile {
    const problemShare: ProblemShare =
      this.answered === 0
        ? { suppressed: true, noData: true }
        : this.answered < minGroupSize || !allowed('problem_share', this.answered)
          ? { suppressed: true }
          : { suppressed: false, answered: this.answered, yes: this.yes, share: this.yes / this.answered };
    return {
      problemShare,
      heardFrom: this.heard.rows(minGroupSize, allowed, 'heard'),
      ageGroups: this.age.rows(minGroupSize, allowed, 'age'),
    };
  }
}

/** A stored choice in the report language: the English gloss of a listed choice, "Other" for typed text. */
export function choiceLabel(itemId: 'n1.heard_from' | 'n1.age_group', choice: string, lang: 'ka' | 'en'): string {
  const item = itemId === 'n1.heard_from' ? HEARD : AGE;
  if (choice === OTHER_CHOICE) return lang === 'en' ? 'Other' : t('channel.other');
  const index = item.choices?.indexOf(choice) ?? -1;
  return lang === 'en' && index >= 0 && item.choicesEn ? item.choicesEn[index] : choice;
}
