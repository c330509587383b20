/**
 * MailApp: sends (records) email, enforcing authorization, address validity and the daily
 * recipient quota.
 * https://developers.google.com/apps-script/reference/mail/mail-app
 */
import { gasError, type Core } from './core';

export interface SentMail {
  sentAt: number;
  /**
   * The account whose mailbox sent it: the one the execution ran as (a menu click: whoever
   * clicked; an installable trigger: whoever created it). MailApp sends "as" the effective user.
   */
  from: string;
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  /** attachment file names */
  attachments?: string[];
}

type MailParameters = GoogleAppsScript.Mail.MailAdvancedParameters;

/**
 * Google's daily recipient quota for MailApp: "Email recipients per day: 100 / day" on a consumer
 * account, "1,500 / day" on Google Workspace.
 * https://developers.google.com/apps-script/guides/services/quotas#current_quotas
 */
export const CONSUMER_MAIL_QUOTA_PER_DAY = 100;
export const WORKSPACE_MAIL_QUOTA_PER_DAY = 1500;

const SEND_MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';
/** Google's messages (as reported from real executions). */
const QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';
const NO_RECIPIENT = 'Failed to send email: no recipient';
/** Quotas are per user and reset 24 hours after the first request of the period.
 * https://developers.google.com/apps-script/guides/services/quotas */
const QUOTA_PERIOD_MS = 24 * 60 * 60 * 1000;

const ADDRESS = /^[^\s@<>(),;:"[\]]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/** A recipient list is comma-separated; an entry may be `Name <address>`. */
function splitRecipients(list: string | undefined): string[] {
  return String(list ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
}

function addressOf(recipient: string): string {
  const angle = /<([^>]*)>\s*$/.exec(recipient);
  return (angle ? angle[1] : recipient).trim();
}

function attachmentName(source: GoogleAppsScript.Base.BlobSource): string {
  return source.getBlob().getName() ?? '';
}

export class MailService {
  readonly sent: SentMail[] = [];
  readonly app: Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'>;
  /** The quota a caller set; null follows the account type (see dailyQuota). */
  private fixedQuota: number | null;
  /** recipients counted in the current quota period, per sending user */
  private readonly usage = new Map<string, { periodStart: number; recipients: number }>();

  constructor(
    private readonly core: Core,
    options: { dailyQuota?: number } = {},
  ) {
    this.fixedQuota = options.dailyQuota ?? null;
    const service = this;
    this.app = {
      sendEmail(...args: unknown[]): void {
        service.send(args);
      },
      /** Needs script.send_mail too, so a simple trigger may not ask (the method's Authorization section:
       * https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()). */
      getRemainingDailyQuota(): number {
        core.requireFullAuth('MailApp.getRemainingDailyQuota', SEND_MAIL_SCOPE);
        core.call('MailApp', 'getRemainingDailyQuota');
        return service.remaining();
      },
    } as Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'>;
  }

  /** Harness: sets the daily recipient quota, whatever the account type. */
  setDailyQuota(n: number): void {
    this.fixedQuota = n;
  }

  /** The daily recipient quota: the one set, else the account's (100 consumer, 1,500 Workspace). */
  get dailyQuota(): number {
    if (this.fixedQuota !== null) return this.fixedQuota;
    return this.core.environment.account === 'workspace' ? WORKSPACE_MAIL_QUOTA_PER_DAY : CONSUMER_MAIL_QUOTA_PER_DAY;
  }

  /** Recipients the running user may still send to in this quota period. */
  remaining(): number {
    return Math.max(0, this.dailyQuota - this.currentUsage().recipients);
  }

  private currentUsage(): { periodStart: number; recipients: number } {
    const user = this.core.current()?.user ?? this.core.user;
    let usage = this.usage.get(user);
    if (!usage || this.core.now() - usage.periodStart >= QUOTA_PERIOD_MS) {
      // The deployment's own account also mails for other reasons (the environment's
      // otherMailPerDay); those recipients count against the same daily quota ("Quotas are per
      // user", quotas page), so each period starts with them spent.
      const other = user.toLowerCase() === this.core.user.toLowerCase() ? this.core.environment.otherMailPerDay : 0;
      usage = { periodStart: this.core.now(), recipients: other };
      this.usage.set(user, usage);
    }
    return usage;
  }

  private send(args: unknown[]): void {
    this.core.requireFullAuth('MailApp.sendEmail', SEND_MAIL_SCOPE);
    this.core.call('MailApp', 'sendEmail');
    const message = this.parseArguments(args);
    const recipients = [message.to, message.cc, message.bcc].flatMap(splitRecipients);
    if (recipients.length === 0) throw gasError(NO_RECIPIENT);
    for (const recipient of recipients) {
      if (!ADDRESS.test(addressOf(recipient))) throw gasError(`Invalid email: ${recipient}`);
    }
    const usage = this.currentUsage();
    if (usage.recipients + recipients.length > this.dailyQuota) throw gasError(QUOTA_EXCEEDED);
    usage.recipients += recipients.length;
    this.sent.push(this.record(message));
  }

  /**
   * The overloads: (message), (recipient, subject, body), (recipient, subject, body, options),
   * (to, replyTo, subject, body).
   */
  private parseArguments(args: unknown[]): MailParameters {
    const [first, second, third, fourth] = args;
    if (args.length === 1 && first !== null && typeof first === 'object') return first as MailParameters;
    if (args.length === 4 && typeof fourth === 'string') {
      return { to: String(first), replyTo: String(second), subject: String(third), body: fourth };
    }
    if (args.length === 3 || args.length === 4) {
      const options = (fourth ?? {}) as MailParameters;
      return { ...options, to: String(first), subject: String(second), body: String(third) };
    }
    throw gasError(
      `The parameters (${args.map((a) => (typeof a === 'string' ? 'String' : typeof a)).join(',')}) don't match the method signature for MailApp.sendEmail.`,
    );
  }

  private record(message: MailParameters): SentMail {
    const mail: SentMail = {
      sentAt: this.core.now(),
      from: this.core.current()?.user ?? this.core.user,
      to: String(message.to ?? ''),
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
    };
    if (message.cc) mail.cc = message.cc;
    if (message.bcc) mail.bcc = message.bcc;
    if (message.htmlBody !== undefined) mail.htmlBody = String(message.htmlBody);
    if (message.name !== undefined) mail.name = String(message.name);
    if (message.replyTo !== undefined) mail.replyTo = String(message.replyTo);
    if (message.noReply !== undefined) mail.noReply = Boolean(message.noReply);
    if (Array.isArray(message.attachments)) mail.attachments = message.attachments.map(attachmentName);
    return mail;
  }
}
