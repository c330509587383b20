/**
 * The analysis report's wording in both languages (Georgian first) and the names of its
 * vocabularies, so every renderer says the same thing and a caller can swap in staff-edited
 * themes. The report is the one thing shown in English: its English names live here only; the
 * Georgian names of channels and action statuses are the workbook's own (messages.ts).
 */
import { t } from './messages';
import { ACTION_STATUSES } from './schema';
import type { Trend } from './stats';
import { DEFAULT_THEMES, themeLabel, type Theme } from './themes';
import type { ActionStatus, Channel, Driver, FeedbackForm, FormKey } from './types';

export type Lang = 'ka' | 'en';

/** The report's own wording, Georgian first. */
const REPORT_TEXT = {
  // The section on reach (reach-layout.ts).
  reachHeading: { ka: 'ვისამდე მივაღწიეთ: მოწვევის არხების მიხედვით', en: 'Reach: by invitation channel' },
  reachNote: {
    ka: 'მაჩვენებელი = პერიოდში მიღებული პასუხები ÷ ამავე პერიოდში მოწვეული (ან დარეკილი) ადამიანები. პასუხები ანონიმურია და მოწვევას ვერ დაუკავშირდება, ამიტომ ეს შეფასებაა. კანცელარია: N1 ფორმები ÷ კანცელარიაში შემოსული განცხადებები. SMS-ით მოწვეულთა პასუხები ცალკე ჩანს მხოლოდ მაშინ, როცა SMS-ის ბმული ამას აღნიშნავს; მანამდე ისინი ელფოსტის პასუხებში ითვლება.',
    en: 'Rate = answers received in the period ÷ people invited (or called) in it. Answers are anonymous and cannot be matched to an invitation, so it is an estimate. Desk: N1 forms ÷ applications handed in at the desk. Answers of people invited by SMS show apart only when the SMS link marks them; until then they count with email.',
  },
  reachChannel: { ka: 'არხი', en: 'Channel' },
  reachInvited: { ka: 'მოწვეული / დარეკილი', en: 'Invited / called' },
  reachAnswers: { ka: 'პასუხები', en: 'Answers' },
  reachRate: { ka: 'გამოხმაურება', en: 'Response rate' },
  reachMoreAnswers: { ka: 'პასუხი მეტია მოწვევაზე', en: 'more answers than invitations' },
  reachEmailWithSms: { ka: 'ელფოსტა და SMS (N2, ერთი ბმული)', en: 'Email and SMS (N2, one link)' },
  reachCountedWithEmail: {
    ka: 'იმავე ბმულით: პასუხები და მოწვეულები ელფოსტის სტრიქონშია',
    en: 'same link: answers and invitations are in the email row',
  },
  reachOutcomeHeading: { ka: 'N2: შედეგი მიღწევის გზის მიხედვით', en: 'N2 outcome by how people were reached' },
  reachOutcomeNote: {
    ka: 'ეთანხმება (4–5) და რესპონდენტების რაოდენობა; ტელეფონით გამოკითხულები — კანცელარიაში მიმართულთა შემთხვევითი შერჩევა.',
    en: 'Agree (4–5) and respondents; those interviewed by phone are a random sample of desk applicants.',
  },
  reachMeasure: { ka: 'მაჩვენებელი', en: 'Figure' },
  reachSuppressed: { ka: 'ნაკლებია {min}-ზე — არ ქვეყნდება', en: 'fewer than {min} — not published' },
  reachNoData: { ka: 'მონაცემი არ არის', en: 'no data' },
  reachChannelEmail: { ka: 'ელფოსტა (N2)', en: 'Email (N2)' },
  reachChannelSms: { ka: 'SMS (N2)', en: 'SMS (N2)' },
  reachChannelPhone: { ka: 'ტელეფონით გამოკითხვა (N2)', en: 'Phone interview (N2)' },
  reachChannelDesk: { ka: 'კანცელარია (N1)', en: 'Desk (N1)' },
  titleInternal: { ka: 'უკუკავშირის ანალიტიკური ანგარიში', en: 'Feedback analysis report' },
  titlePublic: { ka: 'მომხმარებელთა უკუკავშირი — საჯარო ანგარიში', en: 'Service-user feedback — public report' },
  period: { ka: 'პერიოდი', en: 'Period' },
  basis: { ka: 'მონაცემთა საფუძველი', en: 'Data basis' },
  total: { ka: 'უკუკავშირი სულ', en: 'Feedback received' },
  invitations: { ka: 'გაგზავნილი მოწვევები (N2)', en: 'Invitations sent (N2)' },
  responseRate: { ka: 'N2 გამოხმაურების მაჩვენებელი', en: 'N2 response rate' },
  channel: { ka: 'არხი', en: 'Channel' },
  count: { ka: 'რაოდენობა', en: 'Count' },
  satisfaction: { ka: 'კმაყოფილება: N1 და N2 ცალ-ცალკე', en: 'Satisfaction: N1 and N2 apart' },
  satisfactionNote: {
    ka: 'N1 და N2 სხვადასხვა რამეს კითხულობს სხვადასხვა დროს — N1 განცხადების მიღებას (გადაწყვეტილებამდე), N2 მომსახურებას (დასრულების შემდეგ) — ამიტომ მათი მაჩვენებლები არასოდეს ერთიანდება და არხები მხოლოდ ერთი ფორმის შიგნით შედარდება.',
    en: 'N1 and N2 ask different things at different moments — N1 about how the application was received (before any decision), N2 about the service (after it) — so their figures are never pooled and channels are compared only within a form.',
  },
  drivers: { ka: 'კმაყოფილების ფაქტორები', en: 'Satisfaction drivers' },
  driver: { ka: 'ფაქტორი', en: 'Driver' },
  questions: { ka: 'შეკითხვების მიხედვით', en: 'By question' },
  question: { ka: 'შეკითხვა', en: 'Question' },
  services: { ka: 'სერვისების მიხედვით', en: 'By service' },
  service: { ka: 'სერვისი', en: 'Service' },
  channels: { ka: 'არხების მიხედვით', en: 'By channel' },
  form: { ka: 'ფორმა', en: 'Form' },
  agree: { ka: 'ეთანხმება (4–5)', en: 'Agree (4–5)' },
  interval: { ka: '95% სანდოობის ინტერვალი', en: '95% confidence interval' },
  responses: { ka: 'მოპასუხეები', en: 'Respondents' },
  ratings: { ka: '{n} შეფასება', en: '{n} ratings' },
  noData: { ka: 'მონაცემი არ არის', en: 'No data' },
  rateMoreAnswers: {
    ka: '— (პერიოდში მეტი პასუხი მოვიდა, ვიდრე მოწვევა გაიგზავნა: ნაწილი წინა პერიოდის მოწვევებზეა)',
    en: '— (more answers than invitations in the period: some answer earlier invitations)',
  },
  mean: { ka: 'საშუალო (1–5)', en: 'Mean (1–5)' },
  suppressed: { ka: '{min}-ზე ნაკლები პასუხი — არ ქვეყნდება', en: 'Fewer than {min} responses — not shown' },
  trends: { ka: 'დინამიკა', en: 'Trends' },
  current: { ka: 'მიმდინარე პერიოდი', en: 'This period' },
  previous: { ka: 'წინა პერიოდი', en: 'Previous period' },
  lastYear: { ka: 'გასული წლის იგივე პერიოდი', en: 'Same period last year' },
  change: { ka: 'ცვლილება', en: 'Change' },

  problems: { ka: 'ძირითადი პრობლემები', en: 'Main problems' },
  lowest: { ka: 'ყველაზე დაბალი შეფასების შეკითხვები', en: 'Lowest-scoring questions' },
  lowScore: { ka: 'დაბალი შეფასების (1–2) პასუხები', en: 'Responses with a low score (1–2)' },
  themes: { ka: 'პრობლემები თემების მიხედვით', en: 'Problems by theme' },
  texts: { ka: 'ტექსტები', en: 'Texts' },
  problemTexts: {
    ka: 'პრობლემის შემცველი ტექსტები ყველა არხიდან (ფორმები, ტელეფონი, სოციალური ქსელი, ვებგვერდი, წერილი): {count}',
    en: 'Texts reporting a problem, from every channel (forms, phone, social network, website, letter): {count}',
  },
  uncategorised: { ka: 'უკატეგორიო', en: 'Uncategorised' },
  praiseHeading: { ka: 'რა მოეწონათ', en: 'What people liked' },
  praiseThemes: { ka: 'შექება თემების მიხედვით', en: 'Praise by theme' },
  praiseTexts: { ka: 'შექების ტექსტები ყველა არხიდან: {count}', en: 'Texts of praise, from every channel: {count}' },
  methodThemes: {
    ka: 'თავისუფალი ტექსტის თემა და ტონი (პრობლემა, შექება, შეთავაზება) ავტომატურად განისაზღვრება და თანამშრომლების შესწორება ყოველთვის უპირატესია; ერთ ტექსტს შეიძლება რამდენიმე თემა ჰქონდეს, ამიტომ თემების ჯამი ტექსტების რაოდენობას შეიძლება აღემატებოდეს. ყოველი რიცხვი ადამიანების რაოდენობაა და {min}-ზე ნაკლები არ ქვეყნდება.',
    en: 'The theme and tone (problem, praise, suggestion) of each free text are found automatically and staff corrections always win; a text may carry several themes, so theme counts may add up to more than the texts. Every count is a count of people and is not shown below {min}.',
  },
  theme: { ka: 'თემა', en: 'Theme' },
  comments: { ka: 'კომენტარები', en: 'Comments' },
  actions: { ka: 'ღონისძიებები', en: 'Actions' },
  decision: { ka: 'გადაწყვეტილება', en: 'Decision' },
  problem: { ka: 'პრობლემა', en: 'Problem' },
  owner: { ka: 'პასუხისმგებელი', en: 'Owner' },
  due: { ka: 'ვადა', en: 'Due' },
  status: { ka: 'სტატუსი', en: 'Status' },
  overdue: { ka: 'ვადაგადაცილებულია', en: 'Overdue' },
  none: { ka: 'მონაცემები არ არის', en: 'No data' },
  methodology: { ka: 'მეთოდოლოგია', en: 'Methodology' },
  methodScale: {
    ka: 'შეკითხვები ფასდება 1–5 შკალით; „ეთანხმება“ ნიშნავს {agree} ან 5 ქულას. წილი ითვლება მხოლოდ გაცემულ პასუხებზე: გამოტოვებული შეკითხვა ნულად არ ითვლება.',
    en: 'Questions are scored 1–5; "agree" means {agree} or 5. Shares count only the answers given: a skipped question is not a zero.',
  },
  methodInterval: {
    ka: 'ფრჩხილებში მოცემულია 95% სანდოობის ინტერვალი (ვილსონის მეთოდი).',
    en: 'Ranges are 95% confidence intervals (Wilson score method).',
  },
  methodTrend: {
    ka: 'ცვლილება ფიქსირდება მხოლოდ მაშინ, როცა ორი პერიოდის 95% ინტერვალები ერთმანეთს არ კვეთს.',
    en: 'A change is reported only when the 95% intervals of the two periods do not overlap.',
  },
  methodSuppression: {
    ka: 'ჯგუფი, რომელშიც {min}-ზე ნაკლები პასუხია, ანგარიშში არ ჩანს, რათა მოპასუხე არ გამოვლინდეს; არ ჩანს არც ის ჯგუფი, რომლის მაჩვენებლის საერთოდან გამოკლებით დამალული ჯგუფი გამოითვლებოდა.',
    en: 'A group with fewer than {min} responses is not shown, so that no respondent can be identified; nor is a group whose figure, subtracted from the total, would reveal a hidden one.',
  },
  methodLow: {
    ka: 'დაბალ შეფასებად ითვლება პასუხი, რომელშიც რომელიმე შეფასება {low} ან ნაკლებია.',
    en: 'A response counts as a low score when any of its ratings is {low} or less.',
  },
  trendChart: { ka: '{form}: კმაყოფილება პერიოდების მიხედვით', en: '{form}: satisfaction by period' },
  prepared: { ka: 'მომზადდა', en: 'Prepared' },
  methodRate: {
    ka: 'N2 გამოხმაურების მაჩვენებელი = პერიოდში მიღებული N2 პასუხები / იმავე პერიოდში გაგზავნილი მოწვევები. პასუხები ანონიმურია და მოწვევას ვერ დავუკავშირებთ, ამიტომ ეს შეფასებაა: ნაწილი შეიძლება წინა პერიოდის მოწვევას პასუხობდეს. თუ პასუხები მოწვევებზე მეტია, მაჩვენებელი არ ჩანს (100%-ზე მეტი მაჩვენებელი არ არსებობს).',
    en: 'N2 response rate = N2 answers received in the period / invitations sent in the same period. Answers are anonymous and cannot be matched to their invitation, so this is an estimate: some may answer invitations of an earlier period. When answers outnumber invitations no rate is shown (a rate above 100% does not exist).',
  },
  summary: { ka: 'მოკლედ', en: 'In brief' },
  summaryForms: {
    ka: 'პერიოდში შეივსო {forms} შეფასების ფორმა (N1 — {n1}, N2 — {n2}) და სხვა არხით (ტელეფონი, სოციალური ქსელი, ვებგვერდი, წერილი) მოვიდა {notes} გამოხმაურება.',
    en: 'In the period {forms} feedback forms were filled in (N1 {n1}, N2 {n2}) and {notes} notes came through other channels (phone, social network, website, letter).',
  },
  summarySatisfied: { ka: '{name}: {share} (n = {n}).', en: '{name}: {share} (n = {n}).' },
  summaryProblemShare: { ka: 'N2-ის მოპასუხეთა {share}-ს მომსახურების მიღებისას პრობლემა შეექმნა.', en: '{share} of N2 respondents met a problem.' },
  summaryTopProblem: { ka: 'ყველაზე ხშირი პრობლემა: {theme} ({count} ტექსტი).', en: 'Most frequent problem: {theme} ({count} texts).' },
  summaryActions: { ka: 'ღონისძიებები: შესრულებული — {done}, ვადაგადაცილებული — {overdue}.', en: 'Actions: {done} done, {overdue} overdue.' },
  profile: { ka: 'ვინ გვიპასუხა', en: 'Who answered' },
  problemShare: { ka: 'N2: პრობლემა შეექმნა (ვინც ამ შეკითხვას უპასუხა)', en: 'N2: met a problem (of those who answered the question)' },
  heardFrom: { ka: 'N1: საიდან შეიტყვეს სერვისის შესახებ', en: 'N1: how people heard of the service' },
  ageGroups: { ka: 'N1: ასაკობრივი ჯგუფები', en: 'N1: age groups' },
  answer: { ka: 'პასუხი', en: 'Answer' },
  people: { ka: 'ადამიანი', en: 'People' },
  unknownService: { ka: 'სერვისი უცნობია', en: 'Service not known' },
  // Issue 16, item 7: coverage, drivers per service, before/after completed actions.
  coverage: { ka: 'მოცვა და გამოხმაურება სერვისებისა და არხების მიხედვით', en: 'Coverage and response rates by service and channel' },
  coverageN1: {
    ka: 'N1: პერიოდში მიღებული ფორმები (ქაღალდი და ონლაინ) იმავე პერიოდში კანცელარიაში შემოსულ განცხადებებთან შედარებით. არხის მიხედვით — რა წილმა შეავსო ფორმა ამ არხით.',
    en: 'N1: forms received in the period (paper and online) against the desk applications submitted in it. By channel: the share who answered that way.',
  },
  coverageN2: {
    ka: 'N2: პერიოდში მიღებული პასუხები იმავე პერიოდში გაგზავნილ მოწვევებთან შედარებით (შეფასება: პასუხი ანონიმურია და მოწვევას ვერ დავუკავშირებთ).',
    en: 'N2: answers received in the period against the invitations sent in it (an estimate: answers are anonymous and cannot be matched to their invitation).',
  },
  deskApplications: { ka: 'განცხადებები კანცელარიაში', en: 'Desk applications' },
  invitationsShort: { ka: 'მოწვევები', en: 'Invitations' },
  formsN1: { ka: 'N1 ფორმები', en: 'N1 forms' },
  answersN2: { ka: 'N2 პასუხები', en: 'N2 answers' },
  coverageRate: { ka: 'მოცვა', en: 'Coverage' },
  rateShort: { ka: 'გამოხმაურება', en: 'Response rate' },
  allServices: { ka: 'ყველა სერვისი', en: 'All services' },
  moreThanBase: { ka: '— (მეტი, ვიდრე {base}: ნაწილი წინა პერიოდს ეკუთვნის)', en: '— (more than {base}: some belong to an earlier period)' },
  serviceDrivers: { ka: 'ფაქტორები სერვისების მიხედვით', en: 'Drivers by service' },
  serviceDriversNote: {
    ka: 'ეთანხმება (4–5) და მოპასუხეები ფრჩხილებში; მხოლოდ სერვისები, რომელთაც საკმარისი პასუხი აქვს. ▼ — სერვისის მაჩვენებელი ფორმის საერთო მაჩვენებელზე დაბალია, ▲ — მაღალია (95% ინტერვალები ერთმანეთს არ კვეთს).',
    en: 'Agree (4–5), respondents in brackets; only services with enough answers. ▼ — below the form as a whole, ▲ — above it (the 95% intervals do not overlap).',
  },
  actionEffects: { ka: 'შესრულებული ღონისძიებები: მანამდე და შემდეგ', en: 'Completed actions: before and after' },
  actionEffectsNote: {
    ka: '„შემდეგ“ — შესრულების დღიდან პერიოდის ბოლომდე (არაუმეტეს ერთი პერიოდისა), „მანამდე“ — იმდენივე დღე შესრულებამდე; ყველა სერვისის პასუხები. შეკითხვისთვის — ეთანხმება (4–5), თემისთვის — ამ თემაზე პრობლემის შემცველი გამოხმაურების წილი ყველა მიღებულ გამოხმაურებაში. ცვლილება ფიქსირდება მხოლოდ მაშინ, როცა 95% ინტერვალები ერთმანეთს არ კვეთს.',
    en: '"After": from the completion day to the end of the period (at most one period); "before": as many days before it; answers of every service. For a question, agree (4–5); for a theme, the share of all feedback received that reports a problem on it. A change is claimed only when the 95% intervals do not overlap.',
  },
  effectsNone: {
    ka: 'ამ პერიოდში ან მის წინა პერიოდში შესრულებული ღონისძიება, რომელსაც შესრულების თარიღი და სამიზნე შეკითხვა ან თემა აქვს, არ არის.',
    en: 'No action completed in this period or the one before has a completion date and a target question or theme.',
  },
  completedOn: { ka: 'შესრულდა {date}', en: 'Completed {date}' },
  target: { ka: 'სამიზნე', en: 'Target' },
  before: { ka: 'მანამდე ({from}–{to})', en: 'Before ({from}–{to})' },
  after: { ka: 'შემდეგ ({from}–{to})', en: 'After ({from}–{to})' },
  verdict: { ka: 'შედეგი', en: 'Result' },
  effectBetter: { ka: 'გაუმჯობესდა', en: 'Improved' },
  effectWorse: { ka: 'გაუარესდა', en: 'Worse' },
  effectSame: { ka: 'მკაფიო ცვლილება ჯერ არ ჩანს', en: 'No clear change yet' },
  effectTooFew: { ka: 'ჯერ არ არის საკმარისი პასუხი, რომ ვთქვათ', en: 'Not enough answers yet to tell' },
  themeShareCell: { ka: '{share} ({count} / {total})', en: '{share} ({count} of {total})' },
  methodCoverage: {
    ka: 'მოცვა = N1 ფორმები / კანცელარიაში შემოსული განცხადებები (განცხადება, რომლის მიმართვის გზა მითითებული არ არის, არ ითვლება); ფორმების რაოდენობა {min}-ზე ნაკლებისას მაჩვენებელი არ ჩანს. განცხადებებისა და მოწვევების რაოდენობა მერიის რეესტრია, არა პასუხები.',
    en: 'Coverage = N1 forms / desk applications (an application with no channel stated is not counted); with fewer than {min} forms no rate is shown. Applications and invitations are the office’s register, not answers.',
  },
  summaryCoverage: { ka: 'N1 ფორმა შეავსო კანცელარიაში მომართულთა {rate}-მა.', en: 'N1 was filled in by {rate} of desk applicants.' },
  summaryRate: { ka: 'N2 მოწვევას უპასუხა მოწვეულთა {rate}-მა.', en: '{rate} of those invited answered N2.' },
  summaryEffects: {
    ka: 'შესრულებული ღონისძიებები სამიზნით: {count}; გაუმჯობესება ჩანს — {better}, ჯერ არ ჩანს — {rest}.',
    en: 'Completed actions with targets: {count}; improvement shown — {better}, not yet — {rest}.',
  },
} as const;

export type ReportTextId = keyof typeof REPORT_TEXT;

const FORM_NAMES: Record<FeedbackForm, { ka: string; en: string }> = {
  N1: { ka: 'ფორმა N1 (განცხადების წარდგენა)', en: 'Form N1 (submitting the application)' },
  N2: { ka: 'ფორმა N2 (მომსახურების დასრულება)', en: 'Form N2 (after the decision)' },
  other: { ka: 'სხვა არხები', en: 'Other channels' },
};

const TREND_NAMES: Record<Trend, { ka: string; en: string }> = {
  up: { ka: 'გაუმჯობესდა', en: 'Improved' },
  down: { ka: 'გაუარესდა', en: 'Declined' },
  no_change: { ka: 'მნიშვნელოვანი ცვლილება არ არის', en: 'No significant change' },
  insufficient: { ka: 'არასაკმარისი მონაცემები', en: 'Not enough data' },
};

const STATUS_EN: Record<ActionStatus, string> = { planned: 'Planned', in_progress: 'In progress', done: 'Done' };

const CHANNEL_EN: Record<Channel, string> = {
  paper: 'Paper form',
  kiosk: 'Online (QR)',
  email_link: 'Email link',
  phone: 'Phone',
  social: 'Social network',
  website: 'Website',
  letter: 'Letter',
  other: 'Other',
};

/** CX drivers (OMB Circular A-11 §280). */
const DRIVER_NAMES: Record<Driver, { ka: string; en: string }> = {
  ease: { ka: 'სიმარტივე', en: 'Ease' },
  efficiency: { ka: 'ეფექტიანობა', en: 'Efficiency' },
  transparency: { ka: 'გამჭვირვალობა', en: 'Transparency' },
  helpfulness: { ka: 'თანამშრომლების თავაზიანობა და მზადყოფნა', en: 'Staff courtesy and helpfulness' },
  quality: { ka: 'ხარისხი', en: 'Quality' },
  equity: { ka: 'სამართლიანი მოპყრობა', en: 'Fair treatment' },
  satisfaction: { ka: 'კმაყოფილება', en: 'Satisfaction' },
  trust: { ka: 'ნდობა', en: 'Trust' },
};

/** Where a form's items under a driver ask something narrower than the driver's name says. */
const FORM_DRIVER_NAMES: Partial<Record<FormKey, Partial<Record<Driver, { ka: string; en: string }>>>> = {
  N1: {
    equity: { ka: 'შენობის ხელმისაწვდომობა და კომფორტი', en: 'Building accessibility and comfort' },
    satisfaction: { ka: 'კმაყოფილება განცხადების მიღებით', en: 'Satisfied with how the application was received' },
  },
  N2: { satisfaction: { ka: 'კმაყოფილება მომსახურებით', en: 'Satisfied with the service' } },
};

/** One entry of the report's wording, with each {name} replaced by params[name]. */
export function reportText(id: ReportTextId, lang: Lang, params: Record<string, string | number> = {}): string {
  return REPORT_TEXT[id][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Every word the renderer needs, so a caller can swap in staff-edited themes or wording. */
export interface ReportLabels {
  lang: Lang;
  text(id: ReportTextId, params?: Record<string, string | number>): string;
  /** A driver's name; of a form, the name of what that form's items ask (N1's "equity" item is the building's accessibility). */
  driver(driver: Driver, form?: FormKey): string;
  channel(channel: Channel): string;
  form(form: FeedbackForm): string;
  theme(id: string): string;
  trend(trend: Trend): string;
  status(status: ActionStatus): string;
}

export function reportLabels(lang: Lang, themes: readonly Theme[] = DEFAULT_THEMES): ReportLabels {
  return {
    lang,
    text: (id, params = {}) => reportText(id, lang, params),
    driver: (driver, form) => (form ? FORM_DRIVER_NAMES[form]?.[driver]?.[lang] : undefined) ?? DRIVER_NAMES[driver][lang],
    channel: (channel) => (lang === 'en' ? CHANNEL_EN[channel] : t(`channel.${channel}`)),
    form: (form) => FORM_NAMES[form][lang],
    theme: (id) => themeLabel(id, themes, lang),
    trend: (trend) => TREND_NAMES[trend][lang],
    status: (status) => (lang === 'en' ? STATUS_EN[status] : (ACTION_STATUSES.find((entry) => entry.id === status)?.ka ?? status)),
  };
}
