/**
 * Email addresses as staff type them into the applications tab. Deliberately stricter than RFC
 * 5322 (no quoted local parts, no IP literals, no non-Latin domains): an address refused here is
 * reported on its row and the case simply gets no invitation, while one that MailApp rejects would
 * fail a whole run.
 */
import { stripInvisible } from './sanitize';

export type EmailParse = { ok: true; email: string } | { ok: false; reason: 'empty' | 'invalid' };

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Trims, drops invisible characters, lower-cases the domain; refuses anything not plainly an address. */
export function parseEmail(raw: unknown): EmailParse {
  const text = raw === null || raw === undefined ? '' : stripInvisible(String(raw)).trim();
  if (text === '') return { ok: false, reason: 'empty' };
  const invalid: EmailParse = { ok: false, reason: 'invalid' };
  if (/\s/.test(text) || text.length > 254) return invalid;
  const parts = text.split('@');
  if (parts.length !== 2) return invalid;
  const [local, domainAsTyped] = parts;
  const domain = domainAsTyped.toLowerCase();
  if (local.length === 0 || local.length > 64 || !LOCAL_PART.test(local)) return invalid;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return invalid;
  if (!TOP_LEVEL.test(labels[labels.length - 1])) return invalid;
  return { ok: true, email: `${local}@${domain}` };
}
