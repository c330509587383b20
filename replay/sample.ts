/**
 * The built-in sample scenario: one quarter (January–March 2026) of a small Georgian
 * municipality's social services, generated deterministically from a seed. A few hundred cases,
 * most closed; about half of the invited applicants answer N2; paper and kiosk N1 at the desk;
 * phone and social-network feedback; a handful of actions; the quarter's report. It also holds
 * the mistakes people make — a malformed email, an unknown service, a score of 7 — so the demo
 * shows how the product handles them. Names and addresses are invented (example.ge).
 */
import { DEFAULT_SERVICES } from '../src/domain/services';
import type { Scenario } from './scenario';

/** mulberry32: a small, fast, well-distributed 32-bit PRNG (Tommy Ettinger's public-domain design). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SAMPLE_SEED = 20260105;
/** A local subprogram the administrator adds to the services tab. */
const STUDENT_FEE = { code: 'student_fee', ka: 'სტუდენტების სწავლის საფასურის თანადაფინანსება' };
const DAY = 86_400_000;
const QUARTER_START = Date.parse('2026-01-05T00:00:00+04:00');
const QUARTER_END = Date.parse('2026-03-31T18:00:00+04:00');

/** [code, weight in a winter quarter, base satisfaction 1–5] */
const SERVICES: Array<[string, number, number]> = [
  ['canteen', 6, 4.4],
  ['newborn', 10, 4.3],
  ['large_family', 6, 4.0],
  ['disabled_child', 5, 3.8],
  ['lost_breadwinner', 3, 3.9],
  ['veterans', 4, 4.2],
  ['fire', 2, 3.6],
  ['rent', 4, 3.1],
  ['firewood', 16, 3.4],
  ['holiday_food', 3, 4.1],
  ['medical', 22, 3.2],
  ['centenarian', 1, 4.8],
  ['funeral', 5, 4.0],
  ['one_time_aid', 14, 3.5],
  ['student_fee', 4, 3.7],
];

const FIRST_NAMES: Array<[string, string]> = [
  ['გიორგი', 'giorgi'],
  ['ნინო', 'nino'],
  ['დავით', 'davit'],
  ['მარიამ', 'mariam'],
  ['ლევან', 'levan'],
  ['თამარ', 'tamar'],
  ['ირაკლი', 'irakli'],
  ['ნათია', 'natia'],
  ['ზურაბ', 'zurab'],
  ['ეკატერინე', 'ekaterine'],
  ['ვახტანგ', 'vakhtang'],
  ['ქეთევან', 'ketevan'],
  ['ლაშა', 'lasha'],
  ['მაია', 'maia'],
  ['ნიკოლოზ', 'nikoloz'],
  ['ლიკა', 'lika'],
  ['გურამ', 'guram'],
  ['მანანა', 'manana'],
  ['ბესიკ', 'besik'],
  ['ხათუნა', 'khatuna'],
  ['თეიმურაზ', 'teimuraz'],
  ['ნანა', 'nana'],
  ['ამირან', 'amiran'],
  ['ია', 'ia'],
];
const LAST_NAMES: Array<[string, string]> = [
  ['ლობჟანიძე', 'lobzhanidze'],
  ['ბაქრაძე', 'bakradze'],
  ['ჩიხლაძე', 'chikhladze'],
  ['ჯაფარიძე', 'japaridze'],
  ['ფიფია', 'pipia'],
  ['ბერიძე', 'beridze'],
  ['კაპანაძე', 'kapanadze'],
  ['მაისურაძე', 'maisuradze'],
  ['გელაშვილი', 'gelashvili'],
  ['ლომიძე', 'lomidze'],
  ['ჩიქოვანი', 'chikovani'],
  ['ნოზაძე', 'nozadze'],
  ['ღლონტი', 'ghlonti'],
  ['ჩხეიძე', 'chkheidze'],
  ['ქავთარაძე', 'kavtaradze'],
  ['ბაქანიძე', 'bakanidze'],
];
const MAIL_DOMAINS = ['example.ge', 'mail.example.ge', 'posta.example.ge'];

const HEARD_FROM = ['მერიის ვებგვერდი', 'სოციალური ქსელი', 'მერიის თანამშრომელი', 'სოფლის რწმუნებული', 'ნაცნობი/ოჯახის წევრი', 'ტელევიზია/რადიო'];
const HEARD_OTHER = ['ექიმმა მითხრა', 'სკოლაში გავიგე'];
const AGE_GROUPS = ['18–29', '30–44', '45–64', '65 და მეტი'];

const N1_IMPROVE = [
  'დილით რიგი დიდია, კიდევ ერთი ოპერატორი საჭიროა.',
  'დოკუმენტების სია ვებგვერდზეც გამოაქვეყნეთ.',
  'მოსაცდელში სკამები არ არის საკმარისი.',
  'პანდუსი შესასვლელთან ძალიან ციცაბოა.',
  'ყველაფერი კარგად იყო, მადლობა.',
  'ცნობის აღება სხვა უწყებაში მომიწია, დიდი დრო დავკარგე.',
  'თანამშრომელმა ყველაფერი დეტალურად ამიხსნა.',
];
const N2_PROBLEM = [
  'განხილვას ერთ თვეზე მეტი დასჭირდა.',
  'არ ვიცოდი, რა ეტაპზე იყო ჩემი განცხადება, რამდენჯერმე დავრეკე.',
  'უარის მიზეზი ბოლომდე არ ამიხსნეს.',
  'თანხა დაგვიანებით ჩაირიცხა.',
  'დამირეკეთ 599 12 34 56, ჯერ კიდევ ველოდები პასუხს.',
  'შეშა დაგვიანებით მოიტანეს და ნაწილი სველი იყო.',
];
const N2_LIKED = [
  'თანამშრომლები ყურადღებიანები იყვნენ.',
  'სწრაფად განიხილეს.',
  'ყველაფერი ელფოსტით მაცნობეს, მერიაში მისვლა არ დამჭირდა.',
  'დახმარება ზუსტად დროულად მივიღე.',
];
const N2_IMPROVE = [
  'SMS შეტყობინება კარგი იქნებოდა განხილვის ეტაპების შესახებ.',
  'ვადები უფრო მოკლე უნდა იყოს.',
  'თანადაფინანსების წილი გაზარდეთ.',
  'განაცხადის ონლაინ შევსების საშუალება მინდა.',
];
const OTHER_FEEDBACK: Array<[string, string, string]> = [
  ['phone', 'medical', 'მოქალაქე დაინტერესდა, რატომ ჭიანურდება ოპერაციის თანადაფინანსების განხილვა.'],
  ['phone', 'firewood', 'სოფელ ჭრებალოში შეშა ჯერ არ მიუტანიათ, ოჯახი უკმაყოფილოა.'],
  ['social', 'newborn', 'Facebook-ის კომენტარი: ახალშობილის დახმარება სწრაფად ჩაირიცხა, მადლობა მერიას.'],
  ['social', 'firewood', 'Facebook-ის პოსტი: შეშის განაწილების სია სად ქვეყნდება?'],
  ['phone', 'one_time_aid', 'მოქალაქემ იკითხა, რა დოკუმენტებია საჭირო ერთჯერადი დახმარებისთვის.'],
  ['social', 'canteen', 'Facebook-ის კომენტარი: უფასო სასადილოში საჭმელი კარგია, მაგრამ რიგი დიდია.'],
  ['website', 'medical', 'ვებგვერდის ფორმიდან: თანადაფინანსების წესი გაუგებრად წერია.'],
  ['phone', 'rent', 'ქირის დახმარება ორი თვეა არ ჩარიცხულა.'],
  ['letter', 'veterans', 'წერილი ვეტერანთა კავშირიდან: მადლობა დროული დახმარებისთვის.'],
  ['social', 'medical', 'Instagram-ის შეტყობინება: ოპერაციის თანხის ნაწილი მერიამ დაფარა, დიდი მადლობა.'],
  ['phone', 'large_family', 'მრავალშვილიანი დედა ითხოვს ინფორმაციას განხილვის ვადის შესახებ.'],
  ['website', 'one_time_aid', 'ვებგვერდზე დახმარების პროგრამების სია მოძველებულია.'],
  ['phone', 'disabled_child', 'მშობელი ითხოვს, რომ სარეაბილიტაციო ხარჯებიც დაფინანსდეს.'],
  ['social', 'firewood', 'Facebook-ის კომენტარი: შეშა ნედლია, ვერ ვანთებთ.'],
];
/**
 * The quarter's decisions, each with the plain-Georgian wording staff write for the public report
 * (bullets without a full stop: the report appends the due date in brackets).
 */
const ACTIONS = [
  {
    problem: 'დილის საათებში კანცელარიაში დიდი რიგია (N1: ლოდინის დრო).',
    decision: 'ორშაბათობით და სამშაბათობით 09:00–12:00 მეორე ოპერატორი იმუშავებს.',
    owner: 'კანცელარიის უფროსი',
    due: '2026-04-15',
    status: 'in_progress',
    service: 'one_time_aid',
    publicWording: 'დილის რიგი რომ შემცირდეს, ორშაბათობით და სამშაბათობით 09:00-დან 12:00-მდე განცხადებებს კანცელარიაში ორი თანამშრომელი მიიღებს',
  },
  {
    problem: 'თანადაფინანსების განხილვა ხშირად 30 დღეზე მეტხანს გრძელდება.',
    decision: 'კომისია კვირაში ორჯერ შეიკრიბება; განმცხადებელს ეცნობება განხილვის ეტაპი.',
    owner: 'სოციალური სამსახურის უფროსი',
    due: '2026-05-01',
    status: 'planned',
    service: 'medical',
    publicWording:
      'მკურნალობის თანადაფინანსების განცხადებებს კომისია კვირაში ორჯერ განიხილავს, რომ პასუხი უფრო მალე მიიღოთ, და გაცნობებთ, რა ეტაპზეა თქვენი განცხადება',
  },
  {
    problem: 'შეშა დაგვიანებით და ნედლი მიეწოდება.',
    decision: 'მომწოდებელთან ხელშეკრულებაში ტენიანობის მოთხოვნა და მიწოდების ვადა.',
    owner: 'შესყიდვების სამსახური',
    due: '2026-09-01',
    status: 'planned',
    service: 'firewood',
    publicWording: 'შეშის მიწოდების ხელშეკრულებაში ჩავწერთ: შეშა მშრალი უნდა იყოს და ოჯახებს დადგენილ ვადაში უნდა მიეწოდოს',
  },
  {
    problem: 'საჭირო დოკუმენტების სია ვებგვერდზე მოძველებულია.',
    decision: 'ყველა ქვეპროგრამის დოკუმენტების სია განახლდა ვებგვერდზე.',
    owner: 'საზოგადოებასთან ურთიერთობის სამსახური',
    due: '2026-03-20',
    status: 'done',
    completedAt: '2026-03-20',
    // What staff expect it to change: the N1 documents question and complaints about documents.
    targets: ['N1: საჭირო დოკუმენტების ახსნა', 'საჭირო დოკუმენტები'],
    service: 'one_time_aid',
    publicWording: 'ვებგვერდზე განვაახლეთ ყველა სოციალური პროგრამისთვის საჭირო დოკუმენტების სია',
  },
  {
    problem: 'შესასვლელის პანდუსი ციცაბოა ეტლით მოსარგებლეთათვის.',
    decision: 'პანდუსის რეკონსტრუქცია შენობის მოვლის ბიუჯეტიდან.',
    owner: 'ინფრასტრუქტურის სამსახური',
    due: '2026-06-30',
    status: 'planned',
    service: 'other',
    publicWording: 'მერიის შესასვლელთან პანდუსს გადავაკეთებთ, რომ ეტლით შემოსვლა მარტივი და უსაფრთხო იყოს',
  },
];

function iso(ms: number): string {
  // ISO 8601 with the Tbilisi offset, as a person in Georgia would write a time.
  const local = new Date(ms + 4 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+04:00`;
}

/** Another municipality of another size (`npm run demo -- --national N`); the defaults are the sample's. */
export interface SampleOptions {
  /** Cases in the quarter (the sample: 260). */
  cases?: number;
  /** The municipality's name in the settings tab. */
  municipality?: string;
  /** Added to every service's typical score: how much better or worse its service is received. */
  scoreShift?: number;
}

export function sampleScenario(seed = SAMPLE_SEED, options: SampleOptions = {}): Scenario {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number) => random() < p;
  const totalWeight = SERVICES.reduce((n, s) => n + s[1], 0);
  const pickService = (): [string, number, number] => {
    let r = random() * totalWeight;
    for (const s of SERVICES) {
      r -= s[1];
      if (r < 0) return s;
    }
    return SERVICES[SERVICES.length - 1];
  };
  /** A working-day time between 09:30 and 17:30, `days` after `from`'s day. */
  const workTime = (from: number, days: number): number => {
    let t = Math.floor((from + 4 * 3_600_000) / DAY) * DAY - 4 * 3_600_000 + days * DAY;
    while ([0, 6].includes(new Date(t + 4 * 3_600_000).getUTCDay())) t += DAY;
    return t + (9.5 + random() * 8) * 3_600_000;
  };
  /** A 1–5 score around `base` (a skip when `optional` and the respondent passes). */
  const score = (base: number, optional = true): number | null => {
    if (optional && chance(0.06)) return null;
    const v = Math.round(base + (random() + random() + random() - 1.5) * 1.4);
    return Math.min(5, Math.max(1, v));
  };

  const cases: Scenario['cases'] = [];
  const responses: Scenario['responses'] = [];
  const caseCount = options.cases ?? 260;
  const usedEmails = new Set<string>();
  for (let i = 0; i < caseCount; i++) {
    const [code, , typical] = pickService();
    const base = typical + (options.scoreShift ?? 0);
    const day = Math.floor((i / caseCount) * 82 + random() * 3);
    const submitted = workTime(QUARTER_START, day);
    const [first, firstLatin] = pick(FIRST_NAMES);
    const [last, lastLatin] = pick(LAST_NAMES);
    const byEmail = chance(0.6);
    let email = '';
    if (byEmail || chance(0.5)) {
      email = `${firstLatin}.${lastLatin}@${pick(MAIL_DOMAINS)}`;
      for (let n = 2; usedEmails.has(email); n++) email = `${firstLatin}.${lastLatin}${n}@${pick(MAIL_DOMAINS)}`;
      usedEmails.add(email);
    }
    const decisionDays = 3 + Math.floor(random() * (code === 'medical' || code === 'rent' ? 40 : 22));
    const closedAt = workTime(submitted, decisionDays);
    const closed = closedAt <= QUARTER_END && chance(0.92);
    cases.push({
      id: `01-2026-${String(i + 1).padStart(4, '0')}`,
      // Staff mostly note the code; some cases name the service in Georgian.
      service: chance(0.15) ? (DEFAULT_SERVICES.find((s) => s.code === code)?.ka ?? STUDENT_FEE.ka) : code,
      applicant: `${first} ${last}`,
      email,
      submittedAt: iso(submitted),
      closedAt: closed ? iso(closedAt) : null,
      channel: byEmail ? 'email' : 'office',
    });

    // At the desk, some applicants fill in N1: on paper (dropped in the box) or at the kiosk.
    if (!byEmail && chance(0.55)) {
      const paper = chance(0.6);
      const heard = chance(0.1) ? pick(HEARD_OTHER) : chance(0.85) ? pick(HEARD_FROM) : null;
      const answers: Record<string, unknown> = { 'n1.service': code };
      if (heard) answers['n1.heard_from'] = heard;
      for (const id of ['n1.info_easy', 'n1.docs_clear', 'n1.wait_ok', 'n1.staff_helpful', 'n1.access_ok', 'n1.next_steps_clear']) {
        const s = score(id === 'n1.wait_ok' ? base - 0.6 : base + 0.3);
        if (s !== null) answers[id] = s;
      }
      answers['n1.overall'] = score(base + 0.2, false);
      if (chance(0.3)) answers['n1.improve'] = pick(N1_IMPROVE);
      if (chance(0.8)) answers['n1.age_group'] = pick(AGE_GROUPS);
      responses.push({ form: 'N1', channel: paper ? 'paper' : 'kiosk', submittedAt: iso(submitted + (10 + random() * 40) * 60_000), answers });
    }

    // About half of the invited applicants answer N2 within a few days of the decision.
    if (closed && email && code !== 'funeral' && chance(0.5)) {
      const answers: Record<string, unknown> = { 'n2.service': code };
      let low = false;
      for (const id of ['n2.apply_easy', 'n2.timely', 'n2.kept_informed', 'n2.decision_clear', 'n2.staff_helpful', 'n2.need_met', 'n2.fair', 'n2.trust']) {
        const s = score(id === 'n2.timely' || id === 'n2.kept_informed' ? base - 0.5 : base);
        if (s !== null) answers[id] = s;
        if (s !== null && s <= 2) low = true;
      }
      answers['n2.overall'] = score(base, false);
      if (chance(0.85)) answers['n2.problem'] = low ? 'დიახ' : 'არა';
      if (low && chance(0.7)) answers['n2.problem_text'] = pick(N2_PROBLEM);
      if (!low && chance(0.35)) answers['n2.liked'] = pick(N2_LIKED);
      if (chance(0.25)) answers['n2.improve'] = pick(N2_IMPROVE);
      responses.push({ form: 'N2', channel: 'email_link', submittedAt: iso(closedAt + (0.2 + random() * 4) * DAY), answers });
    }
  }

  // The mistakes people make, so the demo shows how each is handled.
  const typo = cases[17];
  typo.email = String(typo.email || 'nino.kapanadze@example.ge').replace('@', '@@');
  typo.channel = 'email';
  if (!typo.closedAt) typo.closedAt = iso(workTime(Date.parse(String(typo.submittedAt)), 6));
  cases.push({
    id: `01-2026-${String(caseCount + 1).padStart(4, '0')}`,
    service: 'ბავშვთა ბაღის საფასურის შეღავათი',
    applicant: 'ნათია ბაქრაძე',
    email: 'natia.bakradze@example.ge',
    submittedAt: iso(workTime(QUARTER_START, 30)),
    closedAt: iso(workTime(QUARTER_START, 40)),
    channel: 'email',
  });
  responses.push(
    {
      form: 'N1',
      channel: 'kiosk',
      submittedAt: iso(workTime(QUARTER_START, 20)),
      answers: { 'n1.service': 'newborn', 'n1.staff_helpful': 7, 'n1.overall': 5 },
    },
    {
      form: 'N1',
      channel: 'paper',
      submittedAt: iso(workTime(QUARTER_START, 45)),
      answers: { 'n1.service': 'firewood', 'n1.wait_ok': 2, 'n1.overall': 7 },
    },
  );

  const otherFeedback = OTHER_FEEDBACK.map(([channel, service, text], i) => ({
    channel,
    service,
    text,
    receivedAt: iso(workTime(QUARTER_START, Math.floor((i / OTHER_FEEDBACK.length) * 80) + 1)),
  }));

  responses.sort((a, b) => String(a.submittedAt).localeCompare(String(b.submittedAt)));
  return {
    now: '2026-01-05T09:00:00+04:00',
    settings: {
      municipality: options.municipality ?? 'ამბროლაურის მუნიციპალიტეტის მერია',
      senderName: 'ამბროლაურის მერია — სოციალური სამსახური',
      replyTo: 'socialuri@ambrolauri.example.ge',
      managers: ['meri@ambrolauri.example.ge', 'socialuri.ufrosi@ambrolauri.example.ge'],
      minGroupSize: 5,
      mailQuotaPerDay: 100,
    },
    services: [{ ...STUDENT_FEE }],
    cases,
    responses,
    otherFeedback,
    actions: ACTIONS.map((a) => ({ ...a })),
    report: { from: '2026-01-01', to: '2026-03-31' },
  };
}
