/**
 * MailApp, thin: one message, one call. Errors are returned, not thrown, so that one refused
 * address never stops a batch. What Google's message means is told here, where Google's wording
 * is known: the daily quota is used up (the rest must wait), or the address itself is refused
 * (retrying will not help).
 */
import type { OutgoingMail, SendOutcome } from '../domain/mails';

/** Google's message when the daily mail quota is used up. */
export function isQuotaError(message: string): boolean {
  return /too many times for one day:\s*email/i.test(message);
}

/**
 * A refusal that will not go away by retrying (the address itself). Anything else (Google's
 * "Service unavailable", "server error") is transient.
 */
export function isPermanentMailError(message: string): boolean {
  return /invalid email|no recipient|invalid argument/i.test(message);
}

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
    return { ok: false, quota: isQuotaError(text), permanent: isPermanentMailError(text), message: text };
  }
}

export function remainingDailyQuota(): number {
  return MailApp.getRemainingDailyQuota();
}
