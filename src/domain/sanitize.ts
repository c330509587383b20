/**
 * Text hygiene at the edges: what people type goes into cells, mail and HTML, and is matched
 * against service names and theme stems. Pure functions.
 */

/** Google Sheets holds at most 50,000 characters in one cell (Apps Script quotas page). */
export const CELL_LIMIT = 50000;

/** Appended to a text cut to fit a cell, so readers see it is not the whole text. */
export const TRUNCATION_MARKER = ' […]';

/**
 * Characters that make a cell a formula, or that spreadsheet-injection guidance (OWASP "CSV
 * Injection") flags at the start of a cell: = + - @, tab and carriage return.
 */
const FORMULA_START = /^\s*[=+\-@]|^[\t\r]/;

/**
 * Text that Sheets would store as a number, a percentage, a date or time, or a boolean when a
 * script writes it as a string (setValue(s) parses strings as if typed: "5" → 5, "1/2" → a date,
 * "TRUE" → true). Only digits with separators, or the two boolean words, qualify: a comment with
 * any letter stays text anyway.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue
 */
const COERCIBLE = /^\s*(?:[+-]?[\d\s.,:/%$€₾()-]*\d[\d\s.,:/%$€₾()-]*|true|false)\s*$/i;

/**
 * Makes a text safe to write with setValues: Sheets stores "'=x" as the literal text "=x" and
 * shows no apostrophe. The same prefix keeps "5", "1/2" or "TRUE" the text a person wrote instead
 * of a number, date or boolean. A text that itself starts with an apostrophe is prefixed too, or
 * Sheets would swallow the person's apostrophe.
 */
export function escapeForSheet(text: string): string {
  return needsApostrophe(text) ? `'${text}` : text;
}

function needsApostrophe(text: string): boolean {
  return FORMULA_START.test(text) || text.startsWith("'") || COERCIBLE.test(text);
}

/**
 * The inverse of escapeForSheet for values that did not pass through Sheets (which drops the
 * apostrophe itself): removes the apostrophe only where escapeForSheet would have added it.
 */
export function unescapeFromSheet(text: string): string {
  if (!text.startsWith("'")) return text;
  const rest = text.slice(1);
  return needsApostrophe(rest) ? rest : text;
}

/**
 * Cuts a text so that it fits one cell even after escapeForSheet adds its apostrophe, and marks
 * the cut. Never splits a surrogate pair.
 */
export function capCell(text: string): { text: string; truncated: boolean } {
  const room = CELL_LIMIT - 1;
  if (text.length <= room) return { text, truncated: false };
  let end = room - TRUNCATION_MARKER.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end) + TRUNCATION_MARKER, truncated: true };
}

/** C0 and C1 control characters except tab and line feed. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Trims, turns CRLF and lone CR into LF, and drops NUL and other control characters. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '').trim();
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes a text for an HTML body (mail, HTML files). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Zero-width and other invisible format characters that creep in with copy and paste. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Whether a cell, or an answer, holds nothing: empty, only spaces, or only the invisible
 * characters a paste brings along (a pasted zero-width space must not make an empty row a
 * response). An array (checkbox answers) is blank when each of its values is.
 */
export function isBlankCell(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return stripInvisible(value).trim() === '';
  if (Array.isArray(value)) return value.every(isBlankCell);
  return false;
}

const MTAVRULI_TO_MKHEDRULI = 0x1c90 - 0x10d0;

/**
 * A length-preserving key for matching: Georgian Mtavruli (U+1C90–U+1CBF, what toUpperCase makes
 * of Mkhedruli) becomes Mkhedruli, Latin A–Z becomes a–z. Georgian has no case otherwise.
 */
export function foldCase(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x1c90 && code <= 0x1cbf) out += String.fromCharCode(code - MTAVRULI_TO_MKHEDRULI);
    else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 0x20);
    else out += text[i];
  }
  return out;
}

/** The key two spellings of the same name share: invisible characters gone, spaces collapsed, case folded. */
export function matchKey(text: string): string {
  return foldCase(stripInvisible(text)).replace(/\s+/g, ' ').trim();
}
