/**
 * The store of every form: shared state and the operations the fake classes and the harness both
 * need (ids, Drive registration, the response destination).
 */
import { gasError, type Core } from '../core';
import type { FormDestinationStore } from '../contracts';
import {
  type Answer,
  type FormState,
  type ItemState,
  NOT_FOUND_MESSAGE,
  RESPONSE_CELL_LIMIT,
  type ResponseState,
  questionItems,
  sheetFormUrlOf,
} from './model';

/** Shared state and the operations the fake classes and the harness both need. */
export class FormsStore {
  readonly forms = new Map<string, FormState>();
  /** forms.gle short links made by shortenFormUrl: short → the long URL it opens. */
  readonly shortLinks = new Map<string, string>();
  private readonly usedNumericIds = new Set<number>();
  private numericIdCounter = 0;

  constructor(
    readonly core: Core,
    readonly destinations: FormDestinationStore,
  ) {}

  charge(method: string): void {
    this.core.call('FormApp', method);
  }

  /** Item and entry ids: deterministic, unique, 9–10 digit positive integers like Google's. */
  newNumericId(): number {
    let id: number;
    do {
      this.numericIdCounter++;
      id = 100_000_000 + ((this.numericIdCounter * 2_654_435_761) % 2_000_000_000);
    } while (this.usedNumericIds.has(id));
    this.usedNumericIds.add(id);
    return id;
  }

  /** A published form id: a different opaque id, 56 characters starting '1FAIpQL' as Google's do. */
  newPublishedId(): string {
    return `1FAIpQLS${this.core.newId('')}${this.core.newId('')}`.slice(0, 56);
  }

  /**
   * The short link of a long Forms URL, the same each time for the same URL; a different long
   * URL (another prefilled answer) gets its own, which opens that URL with its prefilled values.
   */
  shortLinkFor(longUrl: string): string {
    for (const [short, long] of this.shortLinks) if (long === longUrl) return short;
    const short = `https://forms.gle/${this.core
      .newId('')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 17)}`;
    this.shortLinks.set(short, longUrl);
    return short;
  }

  form(id: string): FormState {
    const form = this.forms.get(String(id));
    if (!form) throw gasError(NOT_FOUND_MESSAGE);
    return form;
  }

  /** The account the running script acts as (a trigger runs as its owner, a click as the clicker). */
  actingUser(): string {
    return this.core.current()?.user ?? this.core.user;
  }

  /**
   * A form the acting account may open for editing: its owner, or someone the form's Drive file
   * names as an editor (a user, group, domain or anyone permission with role writer or owner, not
   * on the published view, which only admits respondents). Anyone else is told it is not found.
   */
  editableForm(id: string): FormState {
    const form = this.form(id);
    const who = this.actingUser().toLowerCase();
    if (form.owner.toLowerCase() === who) return form;
    const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1);
    const editors = (this.core.drive.get(form.id)?.permissions ?? []).filter((p) => p.view !== 'published' && (p.role === 'writer' || p.role === 'owner'));
    const admitted = editors.some((p) =>
      p.type === 'anyone' ? true : p.type === 'domain' ? domainOf(who) === String(p.domain).toLowerCase() : String(p.emailAddress ?? '').toLowerCase() === who,
    );
    if (!admitted) throw gasError(NOT_FOUND_MESSAGE);
    return form;
  }

  /** Stores a submitted response and writes its row to the destination spreadsheet, if any. */
  record(form: FormState, response: ResponseState): { sheetName: string; row: { row: number; a1: string; values: unknown[] } } | null {
    response.id = this.core.newId('2_ABaOnu');
    response.timestamp = this.core.now();
    form.responses.push(response);
    if (!form.destinationId || !form.destinationSheetName) return null;
    // Google follows the linked tab through renames (it is tracked by the tab, not its name).
    const linked = this.destinations.responseSheetOf?.(form.destinationId, sheetFormUrlOf(form));
    if (linked) form.destinationSheetName = linked;
    const answersByTitle: Array<[string, unknown]> = [];
    if (form.collectsEmail) answersByTitle.push(['Email Address', response.respondentEmail]);
    for (const item of questionItems(form)) {
      answersByTitle.push([item.title, this.cellValue(item, response.answers.get(item.id))]);
    }
    // An answer no cell can hold: the response stays in the form, its row never comes (RESPONSE_CELL_LIMIT).
    const tooLong = answersByTitle.find(([, value]) => typeof value === 'string' && value.length > RESPONSE_CELL_LIMIT);
    if (tooLong) {
      response.notWritten = `"${tooLong[0]}" holds ${(tooLong[1] as string).length} characters, more than a cell's ${RESPONSE_CELL_LIMIT}`;
      this.core.log(`[FormApp] response ${response.id} of form ${form.id} was not written to its response tab: ${response.notWritten}`);
      return null;
    }
    const row = this.destinations.appendResponseRow(form.destinationId, form.destinationSheetName, new Date(response.timestamp), answersByTitle);
    return { sheetName: form.destinationSheetName, row };
  }

  /** How Google writes an answer into the response sheet: scales as numbers, checkboxes joined. */
  private cellValue(item: ItemState, answer: Answer | undefined): unknown {
    if (answer === undefined) return '';
    if (Array.isArray(answer)) return answer.join(', ');
    if (item.type === 'SCALE') return Number(answer);
    return answer;
  }

  /** A Sheets timestamp as e.values / e.namedValues give it (the sheet's en_US display format). */
  formatTimestamp(date: Date): string {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: this.core.timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(date);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('month')}/${part('day')}/${part('year')} ${Number(part('hour'))}:${part('minute')}:${part('second')}`;
  }

  /** Checks an answer as the item would take it; returns the stored form or throws `fail(reason)`. */
  normalizeAnswer(item: ItemState, raw: unknown, fail: (reason: string) => Error): Answer | undefined {
    if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) return undefined;
    switch (item.type) {
      case 'SCALE': {
        const value = typeof raw === 'number' ? raw : Number(String(raw));
        if (!Number.isInteger(value) || value < item.lowerBound || value > item.upperBound) {
          throw fail(`${String(raw)} is not on the scale ${item.lowerBound}–${item.upperBound}`);
        }
        return String(value);
      }
      case 'LIST':
      case 'MULTIPLE_CHOICE': {
        if (Array.isArray(raw)) throw fail('takes one choice, not a list');
        const value = String(raw);
        if (!item.choices.includes(value) && !item.hasOtherOption) throw fail(`"${value}" is not one of its choices`);
        return value;
      }
      case 'CHECKBOX': {
        const values = (Array.isArray(raw) ? raw : [raw]).map(String);
        const others = values.filter((v) => !item.choices.includes(v));
        if (others.length > (item.hasOtherOption ? 1 : 0)) throw fail(`"${others.join('", "')}" not among its choices`);
        return values;
      }
      case 'TEXT':
      case 'PARAGRAPH_TEXT':
        if (Array.isArray(raw)) throw fail('takes text, not a list');
        return String(raw);
      default:
        throw fail('is not a question');
    }
  }
}
