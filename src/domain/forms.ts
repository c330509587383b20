/**
 * The two standardized feedback forms, Annex N1 and Annex N2 (shared/annexes.md), word for word.
 * Every rendering — the Google Form, the printable paper form, the paper data-entry tab, the
 * analysis — is built from these definitions. Another form is added by adding a definition to
 * FORMS; nothing below names an item id.
 */
import type { Driver, FormDefinition, FormKey, ItemDefinition } from './types';
import { t } from './messages';

/** The 1–5 agreement scale of every likert item. */
export const LIKERT_SCALE = {
  min: 1,
  max: 5,
  minLabel: 'სრულიად არ ვეთანხმები',
  maxLabel: 'სრულიად ვეთანხმები',
  /** Printed under 3 on paper; Google Forms' scale item only labels its ends. */
  midLabel: 'არც ვეთანხმები, არც არ ვეთანხმები',
  minLabelEn: 'Strongly disagree',
  maxLabelEn: 'Strongly agree',
  midLabelEn: 'Neither agree nor disagree',
} as const;

function likert(id: string, ka: string, en: string, driver: Driver, required = false): ItemDefinition {
  return { id, type: 'likert', required, ka, en, driver };
}

/**
 * The longest answer a paragraph item takes (the form refuses a longer one, telling the
 * respondent the limit). Well below what a response-tab cell holds (50,000 characters): an
 * answer longer than a cell never reaches the workbook, and the feedback table joins a form's
 * free texts in one cell. 10,000 characters is about four printed pages.
 */
export const ANSWER_MAX_CHARS = 10_000;

/** A number as Georgian text writes it, thousands apart by a space: 10 000. */
export function groupedNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function paragraph(id: string, ka: string, en: string): ItemDefinition {
  return { id, type: 'paragraph', required: false, ka, en };
}

export const N1: FormDefinition = {
  key: 'N1',
  onlineChannel: 'kiosk',
  title: 'სოციალური სერვისის მომხმარებლის უკუკავშირის ფორმა — განცხადების წარდგენა',
  intro:
    'თქვენი აზრი გვეხმარება სერვისების გაუმჯობესებაში. ფორმა ანონიმურია: ნუ მიუთითებთ სახელს, პირად ნომერს ან საკონტაქტო მონაცემებს. შევსებული ფორმა ჩააგდეთ უკუკავშირის ყუთში ან გადაეცით კანცელარიის თანამშრომელს.',
  // Online (the kiosk, the QR code) there is no box: the annex's last sentence is for paper.
  onlineIntro: t('form.n1_online_intro'),
  paperNote: t('form.paper_no_effect'),
  confirmation: 'გმადლობთ! თქვენი პასუხი ანონიმურად ჩაიწერა. თქვენი აზრი დაგვეხმარება მომსახურების გაუმჯობესებაში.',
  items: [
    {
      id: 'n1.service',
      type: 'service',
      required: true,
      ka: 'რომელი სოციალური სერვისით/ქვეპროგრამით სარგებლობისთვის მიმართეთ მერიას?',
      en: 'which social service/subprogram did you apply for',
    },
    {
      id: 'n1.heard_from',
      type: 'choice',
      required: false,
      ka: 'საიდან შეიტყვეთ სერვისის შესახებ?',
      en: 'how did you learn about the service',
      // The annex ends this list with 'სხვა' (other) and a blank. That is Google Forms' own
      // "other" option (showOtherOption: the respondent types the text, and the response holds
      // that text), so 'სხვა' is not a listed choice: listing it as well would show it twice.
      // The paper form prints it as 'სხვა: ____'.
      // https://developers.google.com/apps-script/reference/forms/multiple-choice-item
      choices: ['მერიის ვებგვერდი', 'სოციალური ქსელი', 'მერიის თანამშრომელი', 'სოფლის რწმუნებული', 'ნაცნობი/ოჯახის წევრი', 'ტელევიზია/რადიო'],
      choicesEn: [
        'City Hall website',
        'Social network',
        'City Hall employee',
        "Village representative (the mayor's trustee)",
        'Acquaintance/family member',
        'Television/radio',
      ],
      hasOther: true,
    },
    likert('n1.info_easy', 'სერვისის შესახებ ინფორმაციის მოძიება მარტივი იყო.', 'information was easy to find', 'ease'),
    likert('n1.docs_clear', 'ნათლად იყო ახსნილი, რა დოკუმენტები იყო საჭირო.', 'the required documents were clearly explained', 'ease'),
    likert(
      'n1.wait_ok',
      'განცხადების წარდგენას (რიგში ლოდინის ჩათვლით) გონივრული დრო დასჭირდა.',
      'submitting, waiting included, took a reasonable time',
      'efficiency',
    ),
    likert('n1.staff_helpful', 'კანცელარიის თანამშრომელი იყო თავაზიანი და დამეხმარა.', 'the front-desk employee was polite and helpful', 'helpfulness'),
    likert(
      'n1.access_ok',
      'მერიის შენობა და მომსახურების სივრცე ჩემთვის ხელმისაწვდომი და კომფორტული იყო.',
      'the building and service area were accessible and comfortable',
      'equity',
    ),
    likert(
      'n1.next_steps_clear',
      'ვიცი, როგორ და რა ვადაში განიხილება ჩემი განცხადება.',
      'I know how and by when my application will be reviewed',
      'transparency',
    ),
    likert('n1.overall', 'მთლიანობაში კმაყოფილი ვარ განცხადების წარდგენის პროცესით.', 'overall I am satisfied with submitting', 'satisfaction', true),
    paragraph('n1.improve', 'რა შეგვიძლია გავაუმჯობესოთ?', 'what could we improve'),
    {
      id: 'n1.age_group',
      type: 'choice',
      required: false,
      ka: 'ასაკობრივი ჯგუფი',
      en: 'age group',
      choices: ['18–29', '30–44', '45–64', '65 და მეტი'],
      choicesEn: ['18–29', '30–44', '45–64', '65 and over'],
    },
  ],
};

export const N2: FormDefinition = {
  key: 'N2',
  onlineChannel: 'email_link',
  title: 'სოციალური სერვისის მომხმარებლის უკუკავშირის ფორმა — მომსახურების დასრულება',
  intro:
    'თქვენი განცხადების განხილვა დასრულდა. გთხოვთ, შეაფასოთ მომსახურება — ეს 2 წუთს დაგჭირდებათ. ფორმა ანონიმურია: თქვენი პასუხი არ უკავშირდება თქვენს განცხადებას.',
  // What the online form can truthfully say (README, anonymity): stored without name, address or case number.
  onlineIntro: t('form.n2_online_intro'),
  confirmation: 'გმადლობთ, რომ დრო დაუთმეთ შეფასებას! თქვენი პასუხი ანონიმურად ჩაიწერა.',
  items: [
    {
      id: 'n2.service',
      type: 'service',
      required: true,
      ka: 'რომელი სოციალური სერვისით/ქვეპროგრამით ისარგებლეთ?',
      en: 'which service/subprogram did you use',
      prefilled: true,
    },
    likert('n2.apply_easy', 'განცხადების წარდგენა მარტივი იყო.', 'applying was easy', 'ease'),
    likert('n2.timely', 'ჩემი განცხადება გონივრულ ვადაში განიხილეს.', 'my application was decided in a reasonable time', 'efficiency'),
    likert('n2.kept_informed', 'განხილვის პროცესში ვიცოდი, რა ეტაპზე იყო ჩემი განცხადება.', 'I knew at what stage my application was', 'transparency'),
    likert('n2.decision_clear', 'გადაწყვეტილება და მისი მიზეზები ნათლად იყო ახსნილი.', 'the decision and its reasons were clearly explained', 'transparency'),
    likert('n2.staff_helpful', 'თანამშრომლები იყვნენ თავაზიანები და მზად დასახმარებლად.', 'staff were polite and ready to help', 'helpfulness'),
    likert('n2.need_met', 'მომსახურებამ ჩემი საჭიროება დააკმაყოფილა.', 'the service met my need', 'quality'),
    likert('n2.fair', 'ჩემ მიმართ სამართლიანად მოიქცნენ.', 'I was treated fairly', 'equity'),
    likert('n2.overall', 'მთლიანობაში კმაყოფილი ვარ მომსახურებით.', 'overall I am satisfied with the service', 'satisfaction', true),
    likert('n2.trust', 'ამ გამოცდილებამ გაზარდა ჩემი ნდობა მერიის მიმართ.', 'this experience increased my trust in City Hall', 'trust'),
    {
      id: 'n2.problem',
      type: 'yesno',
      required: false,
      ka: 'შეგექმნათ თუ არა პრობლემა მომსახურების მიღებისას?',
      en: 'did you meet a problem',
      choices: ['დიახ', 'არა'],
      choicesEn: ['Yes', 'No'],
    },
    paragraph('n2.problem_text', 'თუ კი, გთხოვთ, აღწეროთ.', 'if so, please describe'),
    paragraph('n2.liked', 'რა მოგეწონათ?', 'what did you like'),
    paragraph('n2.improve', 'რა შეგვიძლია გავაუმჯობესოთ?', 'what could we improve'),
  ],
};

export const FORMS: Record<FormKey, FormDefinition> = { N1, N2 };

/** The forms in annex order (the order of the feedback table's columns). */
export const FORM_LIST: readonly FormDefinition[] = Object.keys(FORMS).map((key) => FORMS[key as FormKey]);

export function likertItems(form: FormDefinition): ItemDefinition[] {
  return form.items.filter((item) => item.type === 'likert');
}

/** Paragraph items: the free texts that are cleaned, tagged with themes and redacted for quotes. */
export function freeTextItems(form: FormDefinition): ItemDefinition[] {
  return form.items.filter((item) => item.type === 'paragraph');
}

/** The item that names the service (a dropdown over the services tab). */
export function serviceItem(form: FormDefinition): ItemDefinition | undefined {
  return form.items.find((item) => item.type === 'service');
}

export function itemById(id: string): ItemDefinition | undefined {
  for (const form of FORM_LIST) {
    const item = form.items.find((candidate) => candidate.id === id);
    if (item) return item;
  }
  return undefined;
}

/** The form an item belongs to. */
export function formOfItem(id: string): FormDefinition | undefined {
  return FORM_LIST.find((form) => form.items.some((item) => item.id === id));
}

export function driverOf(itemId: string): Driver | undefined {
  return itemById(itemId)?.driver;
}

/** Item ids of every form in order, service items left out: the answer columns of the feedback table. */
export function feedbackItemColumns(): string[] {
  return FORM_LIST.flatMap((form) => form.items.filter((item) => item.type !== 'service').map((item) => item.id));
}

/**
 * What identifies a form in one of the URLs Google gives for it: its id in the editor's and the
 * old viewer's address (…/forms/d/<id>/edit, …/viewform), `e/<published id>` in the respondents'
 * address (…/forms/d/e/<published id>/viewform); an account switch (/u/N/), a query or a fragment
 * do not matter. Null for anything else. Lets a response tab's Sheet.getFormUrl() be matched to
 * a form whichever kind of address Google gives there.
 */
export function formUrlKey(url: string | null | undefined): string | null {
  const match = /^https:\/\/docs\.google\.com\/forms\/(?:u\/\d+\/)?d\/(e\/)?([A-Za-z0-9_-]{10,})(?:[/?#]|$)/.exec(String(url ?? '').trim());
  return match ? `${match[1] ?? ''}${match[2]}` : null;
}
