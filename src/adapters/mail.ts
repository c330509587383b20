/**
 * MailApp, thin: one message, one call. Errors are returned, not thrown, so that one refused
 * address never stops a batch; the daily-quota error is told apart because the rest must wait.
 */
import { isQuotaError } from '../domain/invitations';

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  /** Omitted when empty (MailApp would otherwise set an empty Reply-To). */
  replyTo: string;
}

export type SendOutcome = { ok: true } | { ok: false; quota: boolean; message: string };

export function sendMail(mail: OutgoingMail): SendOutcome {
  const message: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to: mail.to,
    subject: mail.subject,
    body: mail.body,
    htmlBody: mail.htmlBody,
    name: mail.name,
  };
  if (mail.replyTo) message.replyTo = mail.replyTo;
  try {
    MailApp.sendEmail(message);
    return { ok: true };
  } catch (err) {
    // Errors thrown by Google's services need not be instances of this realm's Error.
    const text = err !== null && typeof err === 'object' && typeof (err as Error).message === 'string' ? (err as Error).message : String(err);
    return { ok: false, quota: isQuotaError(text), message: text };
  }
}

export function remainingDailyQuota(): number {
  return MailApp.getRemainingDailyQuota();
}
