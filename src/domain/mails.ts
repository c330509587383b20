/**
 * The product's two mails, Georgian, as plain text and HTML: the N2 invitation to an applicant
 * and the managers' notice of a scheduled analysis report. Every interpolated value is
 * HTML-escaped in the HTML part.
 */
import { t } from './messages';
import { escapeHtml } from './sanitize';

export interface MailText {
  subject: string;
  body: string;
  htmlBody: string;
}

/** One message as it is handed to the mail service. */
export interface OutgoingMail extends MailText {
  to: string;
  /** The sender's display name. */
  name: string;
  /** Omitted when empty (MailApp would otherwise set an empty Reply-To). */
  replyTo: string;
}

/** What became of a message: sent, or refused (the daily quota, or the address for good). */
export type SendOutcome = { ok: true } | { ok: false; quota: boolean; permanent: boolean; message: string };

/**
 * The N2 invitation. It names no person and no case: the same text and link go to every
 * applicant of a service, but for the day the application came in (`appliedOn`, dd.mm.yyyy; the
 * case number never), so that the applicant knows which application it is about.
 */
export function composeInvitation(input: {
  municipality: string;
  serviceName: string | null;
  link: string;
  appliedOn?: string | null;
  contactPhone?: string;
}): MailText {
  const municipality = input.municipality.trim();
  const done = input.serviceName ? t('invitation.done_service', { service: input.serviceName }) : t('invitation.done');
  const applied = input.appliedOn ? ` ${t('invitation.applied_on', { date: input.appliedOn })}` : '';
  const from = `${t('invitation.from', { municipality, done })}${applied}`;
  const published = t('invitation.published');
  const phone = (input.contactPhone ?? '').trim();
  const contact = phone ? t('invitation.contact', { phone }) : '';
  const why = t('invitation.why');
  const time = t('invitation.time');
  const anonymity = t('invitation.anonymity');
  const voluntary = t('invitation.voluntary');
  const subject = t('invitation.subject', { municipality });
  const body = [
    t('mail.greeting'),
    from,
    why,
    time,
    anonymity,
    `${t('invitation.link')}\n${input.link}`,
    voluntary,
    published,
    ...(contact ? [contact] : []),
    `${t('mail.thanks')}\n${municipality}`,
  ].join('\n\n');
  const p = (s: string): string => `<p>${escapeHtml(s)}</p>`;
  const htmlBody = [
    '<div style="font-family: \'Noto Sans Georgian\', Arial, sans-serif; font-size: 15px; line-height: 1.5">',
    p(t('mail.greeting')),
    p(from),
    p(why),
    `<p><strong>${escapeHtml(time)}</strong></p>`,
    p(anonymity),
    `<p><a href="${escapeHtml(input.link)}" style="display: inline-block; padding: 10px 18px; background: #1a56a8; color: #ffffff; text-decoration: none; border-radius: 4px">${t('invitation.button')}</a></p>`,
    `<p style="font-size: 13px; color: #555555">${t('invitation.fallback', { link: escapeHtml(input.link) })}</p>`,
    p(voluntary),
    p(published),
    ...(contact ? [p(contact)] : []),
    `<p>${t('mail.thanks')}<br>${escapeHtml(municipality)}</p>`,
    '</div>',
  ].join('\n');
  return { subject, body, htmlBody };
}

/** The managers' notice that the analysis report of a period is ready, with its link. */
export function composeReportNotice(input: {
  municipality: string;
  periodLabel: string;
  url: string;
  /** The report's summary paragraph: the key figures in the mail itself, not only behind a link. */
  keyFigures?: string;
  collectionProblem: string | null;
}): MailText {
  const period = input.periodLabel;
  const lines = [
    t('mail.greeting'),
    t('notice.ready', { period, municipality: input.municipality }),
    ...(input.keyFigures ? [input.keyFigures] : []),
    t('notice.internal'),
    ...(input.collectionProblem ? [input.collectionProblem] : []),
  ];
  const body = [...lines, '', input.url].join('\n');
  const htmlBody = `${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}<p><a href="${escapeHtml(input.url)}">${escapeHtml(t('notice.open', { period }))}</a></p>`;
  return { subject: t('notice.subject', { period }), body, htmlBody };
}
