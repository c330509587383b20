/**
 * Every user-facing string of the product, Georgian first with an English twin. Georgian is
 * never upper-cased: toUpperCase() turns Mkhedruli into Mtavruli, which many fonts lack.
 */
import type { Channel, Driver } from './types';

export type Lang = 'ka' | 'en';

interface Message {
  ka: string;
  en: string;
}

export const MESSAGES = {
  // Spreadsheet menu.
  'menu.root': { ka: 'უკუკავშირი', en: 'Feedback' },
  'menu.setup': { ka: 'სისტემის მომზადება / განახლება', en: 'Set up / update the system' },
  'menu.import_paper': { ka: 'ქაღალდის ფორმების შეტანა', en: 'Import paper forms' },
  'menu.collect_now': { ka: 'უკუკავშირის შეგროვება ახლავე', en: 'Collect feedback now' },
  'menu.send_invitations': { ka: 'მოწვევების გაგზავნა ახლავე', en: 'Send pending invitations' },
  'menu.build_report': { ka: 'ანალიტიკური ანგარიშის მომზადება', en: 'Build the analysis report' },
  'menu.prepare_meeting': { ka: 'სამუშაო შეხვედრის დღის წესრიგი', en: 'Prepare the discussion meeting' },
  'menu.publish_report': { ka: 'საჯარო ანგარიშის გამოქვეყნება', en: 'Publish the public report' },
  'menu.paper_form': { ka: 'ქაღალდის ფორმა და QR პლაკატი', en: 'Paper form and poster' },

  // Status of an application (the applications tab).
  'status.received': { ka: 'მიღებულია', en: 'Received' },
  'status.in_review': { ka: 'განხილვაშია', en: 'In review' },
  'status.closed': { ka: 'დასრულებულია', en: 'Closed' },

  // Status of the N2 invitation of a closed case.
  'invite.sent': { ka: 'გაგზავნილია', en: 'Sent' },
  'invite.deferred_quota': {
    ka: 'გადადებულია: დღიური ლიმიტი ამოიწურა, გაიგზავნება ხვალ',
    en: 'Deferred: the daily mail quota is used up; it will go out tomorrow',
  },
  'invite.failed': { ka: 'ვერ გაიგზავნა: {reason}', en: 'Failed: {reason}' },
  'invite.skipped_no_email': { ka: 'არ გაიგზავნა: ელფოსტა მითითებული არ არის', en: 'Not sent: no email address' },
  'invite.skipped_invalid_email': {
    ka: 'არ გაიგზავნა: ელფოსტის მისამართი არასწორია ({value})',
    en: 'Not sent: invalid email address ({value})',
  },
  'invite.skipped_opted_out': {
    ka: 'არ გაიგზავნა: ამ სერვისისთვის მოწვევა გამორთულია',
    en: 'Not sent: invitations are turned off for this service',
  },
  'invite.sent_unknown_service': {
    ka: 'გაგზავნილია ზოგადი ბმულით: სერვისი „{value}“ ვერ ამოვიცანით',
    en: 'Sent with the generic link: service "{value}" was not recognised',
  },

  // Problems found in a row of input; `item` is an item id such as n1.overall.
  'error.invalid_score': {
    ka: '{item}: „{value}“ არ არის შეფასება 1-დან 5-მდე — ქულებში არ ჩაითვალა',
    en: '{item}: "{value}" is not a score from 1 to 5; left out of the scores',
  },
  'error.unknown_service': {
    ka: 'უცნობი სერვისი „{value}“ — ჩაიწერა როგორც „უცნობი“',
    en: 'Unknown service "{value}"; recorded as unknown',
  },
  'error.missing_required': { ka: '{item}: სავალდებულო პასუხი აკლია', en: '{item}: required answer is missing' },
  'error.empty_submission': {
    ka: 'ცარიელი ფორმა: პასუხები არ არის, ჩანაწერი არ შეიქმნა',
    en: 'Empty submission: no answers, no record was created',
  },
  'error.text_truncated': {
    ka: '{item}: ტექსტი 50 000 სიმბოლოზე გრძელი იყო და შემოკლდა',
    en: '{item}: the text was longer than 50,000 characters and was cut',
  },
  'error.invalid_date': {
    ka: 'არასწორი თარიღი „{value}“ — გამოიყენეთ ფორმატი დდ.თთ.წწწწ; ჩაიწერა შეტანის თარიღი',
    en: 'Invalid date "{value}" (use DD.MM.YYYY); the entry date was recorded instead',
  },
  'error.invalid_channel': {
    ka: 'უცნობი არხი „{value}“ — ჩაიწერა როგორც „სხვა“',
    en: 'Unknown channel "{value}"; recorded as other',
  },
  'error.unexpected_choice': {
    ka: '{item}: „{value}“ არ არის ჩამონათვალში',
    en: '{item}: "{value}" is not one of the listed choices',
  },

  // Status of a typed-in row (paper forms, other channels).
  'row.recorded': { ka: 'ჩაიწერა', en: 'Recorded' },
  'row.recorded_with_notes': { ka: 'ჩაიწერა, შენიშვნით: {notes}', en: 'Recorded, with notes: {notes}' },
  'row.skipped_empty': { ka: 'არ ჩაიწერა: ცარიელი ფორმა', en: 'Not recorded: empty form' },

  // Tabs of the workbook.
  'tab.settings': { ka: 'პარამეტრები', en: 'Settings' },
  'tab.services': { ka: 'სერვისები', en: 'Services' },
  'tab.applications': { ka: 'განცხადებები', en: 'Applications' },
  'tab.feedback': { ka: 'უკუკავშირი', en: 'Feedback' },
  'tab.paper': { ka: 'ქაღალდის ფორმები', en: 'Paper forms' },
  'tab.other_channels': { ka: 'სხვა არხები', en: 'Other channels' },
  'tab.actions': { ka: 'ღონისძიებები', en: 'Actions' },
  'tab.themes': { ka: 'თემები', en: 'Themes' },
  'tab.invitations': { ka: 'მოწვევები', en: 'Invitations' },
  'tab.log': { ka: 'ჟურნალი', en: 'Log' },

  // Channels (ids of types.ts).
  'channel.paper': { ka: 'ქაღალდის ფორმა', en: 'Paper form' },
  'channel.kiosk': { ka: 'ონლაინ (QR)', en: 'Online (QR)' },
  'channel.email_link': { ka: 'ელფოსტის ბმული', en: 'Email link' },
  'channel.phone': { ka: 'ტელეფონი', en: 'Phone' },
  'channel.social': { ka: 'სოციალური ქსელი', en: 'Social network' },
  'channel.website': { ka: 'ვებგვერდი', en: 'Website' },
  'channel.letter': { ka: 'წერილი', en: 'Letter' },
  'channel.other': { ka: 'სხვა', en: 'Other' },

  // CX drivers (OMB Circular A-11 §280).
  'driver.ease': { ka: 'სიმარტივე', en: 'Ease' },
  'driver.efficiency': { ka: 'ეფექტიანობა', en: 'Efficiency' },
  'driver.transparency': { ka: 'გამჭვირვალობა', en: 'Transparency' },
  'driver.helpfulness': { ka: 'დახმარება', en: 'Helpfulness' },
  'driver.quality': { ka: 'ხარისხი', en: 'Quality' },
  'driver.equity': { ka: 'სამართლიანობა', en: 'Equity' },
  'driver.satisfaction': { ka: 'კმაყოფილება', en: 'Satisfaction' },
  'driver.trust': { ka: 'ნდობა', en: 'Trust' },

  // Values that stand in for a missing one.
  'service.unknown': { ka: 'უცნობი', en: 'Unknown' },
} satisfies Record<string, Message>;

export type MessageId = keyof typeof MESSAGES;

/** The message in the given language, with each {name} replaced by params[name]. */
export function t(id: MessageId, lang: Lang = 'ka', params: Record<string, string | number> = {}): string {
  const template = MESSAGES[id][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function channelName(channel: Channel, lang: Lang = 'ka'): string {
  return t(`channel.${channel}`, lang);
}

export function driverName(driver: Driver, lang: Lang = 'ka'): string {
  return t(`driver.${driver}`, lang);
}
