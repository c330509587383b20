import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FORMS,
  FORM_LIST,
  LIKERT_SCALE,
  N1,
  N2,
  driverOf,
  feedbackItemColumns,
  formOfItem,
  formUrlKey,
  freeTextItems,
  itemById,
  likertItems,
  serviceItem,
} from '../../src/domain/forms';
import { DRIVERS } from '../../src/domain/types';

/**
 * The annex tables, parsed from shared/annexes.md (the project brief, kept beside the repository):
 * the definition must match them word for word. Where the brief is absent, the spot checks below
 * still run.
 */
const ANNEX_PATH = join(__dirname, '../../../shared/annexes.md');
const describeWithAnnex = existsSync(ANNEX_PATH) ? describe : describe.skip;
interface AnnexRow {
  id: string;
  type: string;
  required: string;
  ka: string;
  gloss: string;
  driver: string;
}
function annexRows(): AnnexRow[] {
  if (!existsSync(ANNEX_PATH)) return [];
  return readFileSync(ANNEX_PATH, 'utf8')
    .split('\n')
    .filter((line) => /^\| n[12]\./.test(line))
    .map((line) => {
      const [id, type, required, ka, gloss, driver] = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      return { id, type, required, ka, gloss, driver };
    });
}

describeWithAnnex('Annex N1 and N2 against shared/annexes.md', () => {
  const rows = annexRows();
  const items = FORM_LIST.flatMap((form) => form.items);

  test('every annex item is defined, in annex order, and nothing else', () => {
    expect(rows).toHaveLength(25);
    expect(items.map((item) => item.id)).toEqual(rows.map((row) => row.id));
  });

  test.each(annexRows().map((row) => [row.id, row] as const))('%s matches the annex word for word', (id, row) => {
    const item = itemById(id)!;
    const [question, choiceList] = row.ka.split(' — ');
    expect(item.ka).toBe(question);
    expect(item.en).toBe(row.gloss);
    expect(item.required).toBe(row.required === 'yes');
    expect(item.driver ?? '–').toBe(row.driver);
    const expectedType = row.type.startsWith('list') ? 'service' : row.type === 'yes/no' ? 'yesno' : row.type.startsWith('choice') ? 'choice' : row.type;
    expect(item.type).toBe(expectedType);
    if (choiceList) {
      const annexChoices = choiceList.split('; ');
      // The annex's final 'სხვა' is Google Forms' "other" option, not a listed choice.
      const listed = item.hasOther ? annexChoices.slice(0, -1) : annexChoices;
      if (item.hasOther) expect(annexChoices[annexChoices.length - 1]).toBe('სხვა');
      expect(item.choices).toEqual(listed);
      expect(item.choicesEn).toHaveLength(listed.length);
    }
  });

  test('titles and intros are the annexes', () => {
    const text = readFileSync(ANNEX_PATH, 'utf8');
    for (const form of [N1, N2]) {
      expect(text).toContain(`Title: \`${form.title}\``);
      expect(text).toContain(`Intro: \`${form.intro}\``);
    }
  });
});

describe('Annex N1 and N2 definitions', () => {
  const items = FORM_LIST.flatMap((form) => form.items);

  test('spot checks of the annex texts', () => {
    expect(items).toHaveLength(25);
    expect(N1.title).toBe('სოციალური სერვისის მომხმარებლის უკუკავშირის ფორმა — განცხადების წარდგენა');
    expect(N2.intro).toMatch(/^თქვენი განცხადების განხილვა დასრულდა\. გთხოვთ, შეაფასოთ მომსახურება — ეს 2 წუთს დაგჭირდებათ\./);
    expect(itemById('n1.overall')).toMatchObject({
      type: 'likert',
      required: true,
      driver: 'satisfaction',
      ka: 'მთლიანობაში კმაყოფილი ვარ განცხადების წარდგენის პროცესით.',
      en: 'overall I am satisfied with submitting',
    });
    expect(itemById('n2.problem_text')).toMatchObject({ type: 'paragraph', required: false, ka: 'თუ კი, გთხოვთ, აღწეროთ.' });
    expect(items.filter((item) => item.required).map((item) => item.id)).toEqual(['n1.service', 'n1.overall', 'n2.service', 'n2.overall']);
  });

  test("heard_from offers its listed choices plus Google's own other option; n2.problem is yes/no", () => {
    const heard = itemById('n1.heard_from')!;
    expect(heard.hasOther).toBe(true);
    expect(heard.choices).not.toContain('სხვა');
    expect(itemById('n2.problem')).toMatchObject({ type: 'yesno', choices: ['დიახ', 'არა'] });
    expect(itemById('n1.age_group')!.choices).toEqual(['18–29', '30–44', '45–64', '65 და მეტი']);
  });

  test('service items: one per form, required; N2 prefilled; online channels', () => {
    expect(serviceItem(N1)).toMatchObject({ id: 'n1.service', required: true });
    expect(serviceItem(N1)!.prefilled).toBeFalsy();
    expect(serviceItem(N2)).toMatchObject({ id: 'n2.service', required: true, prefilled: true });
    expect(N1.onlineChannel).toBe('kiosk');
    expect(N2.onlineChannel).toBe('email_link');
    expect(FORMS).toEqual({ N1, N2 });
  });

  test('no item asks for personal data', () => {
    for (const item of items) expect(item.ka).not.toMatch(/სახელი და გვარი|პირადი ნომერი|ტელეფონის ნომერი|ელფოსტა/);
  });

  test('confirmation messages thank the respondent and say the answer is anonymous', () => {
    for (const form of FORM_LIST) {
      expect(form.confirmation).toMatch(/^გმადლობთ/);
      expect(form.confirmation).toContain('ანონიმურად');
    }
  });
});

describe('helpers', () => {
  test('LIKERT_SCALE is 1–5 with the annex labels', () => {
    expect(LIKERT_SCALE).toMatchObject({
      min: 1,
      max: 5,
      minLabel: 'სრულიად არ ვეთანხმები',
      maxLabel: 'სრულიად ვეთანხმები',
      midLabel: 'არც ვეთანხმები, არც არ ვეთანხმები',
      minLabelEn: 'Strongly disagree',
      maxLabelEn: 'Strongly agree',
    });
  });

  test('likertItems and freeTextItems', () => {
    expect(likertItems(N1).map((i) => i.id)).toEqual([
      'n1.info_easy',
      'n1.docs_clear',
      'n1.wait_ok',
      'n1.staff_helpful',
      'n1.access_ok',
      'n1.next_steps_clear',
      'n1.overall',
    ]);
    expect(likertItems(N2)).toHaveLength(9);
    expect(freeTextItems(N1).map((i) => i.id)).toEqual(['n1.improve']);
    expect(freeTextItems(N2).map((i) => i.id)).toEqual(['n2.problem_text', 'n2.liked', 'n2.improve']);
    for (const item of [...likertItems(N1), ...likertItems(N2)]) expect(DRIVERS).toContain(item.driver);
  });

  test('every driver is measured by at least one item', () => {
    const measured = new Set(FORM_LIST.flatMap((f) => likertItems(f).map((i) => i.driver)));
    expect([...measured].sort()).toEqual([...DRIVERS].sort());
  });

  test('itemById, driverOf, formOfItem', () => {
    expect(itemById('n2.trust')!.ka).toBe('ამ გამოცდილებამ გაზარდა ჩემი ნდობა მერიის მიმართ.');
    expect(itemById('n3.nope')).toBeUndefined();
    expect(driverOf('n1.wait_ok')).toBe('efficiency');
    expect(driverOf('n2.decision_clear')).toBe('transparency');
    expect(driverOf('n1.improve')).toBeUndefined();
    expect(formOfItem('n2.fair')).toBe(N2);
    expect(formOfItem('x')).toBeUndefined();
  });

  test('feedbackItemColumns: N1 then N2, service items left out', () => {
    const columns = feedbackItemColumns();
    expect(columns).toHaveLength(23);
    expect(columns[0]).toBe('n1.heard_from');
    expect(columns[10]).toBe('n2.apply_easy');
    expect(columns[columns.length - 1]).toBe('n2.improve');
    expect(columns).not.toContain('n1.service');
    expect(columns).not.toContain('n2.service');
    expect(new Set(columns).size).toBe(columns.length);
  });
});

describe('formUrlKey: a form in any of the addresses Google gives for it', () => {
  const id = '1R2TPT7soLdO7Xu9g-700odFB6cEjcBN_z-jBMHu9vFu';
  const published = '1FAIpQLSDOKMIdHnZYA8IqiZWuG5KsqlqnLS-2HjQVH3z5B3secIx4OU';
  test.each([
    [`https://docs.google.com/forms/d/${id}/edit`, id],
    [`https://docs.google.com/forms/d/${id}/viewform`, id],
    [`https://docs.google.com/forms/u/0/d/${id}/edit#responses`, id],
    [`https://docs.google.com/forms/d/${id}`, id],
    [`https://docs.google.com/forms/d/e/${published}/viewform`, `e/${published}`],
    [`https://docs.google.com/forms/d/e/${published}/viewform?usp=pp_url&entry.1=x`, `e/${published}`],
    [`https://docs.google.com/forms/u/1/d/e/${published}/formResponse`, `e/${published}`],
  ])('%s', (url, key) => {
    expect(formUrlKey(url)).toBe(key);
  });
  test('anything else is no form', () => {
    for (const url of [null, undefined, '', 'https://forms.gle/abc', `https://docs.google.com/spreadsheets/d/${id}/edit`, 'https://docs.google.com/forms/d/e/'])
      expect(formUrlKey(url)).toBeNull();
  });
});
