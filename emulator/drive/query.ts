/**
 * Drive search queries (DriveApp.searchFiles / searchFolders) and the paged iterators Drive hands
 * back.
 * https://developers.google.com/apps-script/reference/drive/file-iterator
 */
import { type DriveEntry, gasError } from '../core';
import { type DriveStore, type GFile, type GFileIterator, type GFolder, ITEMS_PER_PAGE, ITERATOR_END } from './store';

type Clause = (entry: DriveEntry, store: DriveStore) => boolean;

/** Invalid queries fail as the Drive API's 400 surfaces in Apps Script. */
export function parseQuery(query: string): Clause[] {
  const invalid = () => gasError('Invalid argument: q');
  const quoted = String.raw`'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"`;
  const clausePattern = new RegExp(
    String.raw`^\s*(?:(title|mimeType)\s*(=|!=|contains)\s*(?:${quoted})|trashed\s*(=|!=)\s*(true|false)|(?:${quoted})\s+in\s+parents)\s*`,
    'i',
  );
  const unquote = (s: string) => s.replace(/\\(.)/g, '$1');
  const clauses: Clause[] = [];
  let rest = query;
  for (;;) {
    const m = clausePattern.exec(rest);
    if (!m) throw invalid();
    if (m[1]) {
      const field = m[1].toLowerCase() === 'title' ? 'name' : 'mimeType';
      const op = m[2].toLowerCase();
      const value = unquote(m[3] ?? m[4] ?? '');
      clauses.push((e) => {
        const actual = field === 'name' ? e.name : e.mimeType;
        if (op === 'contains') return actual.toLowerCase().includes(value.toLowerCase());
        return op === '=' ? actual === value : actual !== value;
      });
    } else if (m[5]) {
      const wanted = (m[5] === '=') === (m[6].toLowerCase() === 'true');
      clauses.push((e, store) => store.isTrashed(e) === wanted);
    } else {
      const parentId = unquote(m[7] ?? m[8] ?? '');
      clauses.push((e, store) => store.parentsOf(e).includes(parentId));
    }
    rest = rest.slice(m[0].length);
    if (rest.trim() === '') return clauses;
    const and = /^and\s+/i.exec(rest);
    if (!and) throw invalid();
    rest = rest.slice(and[0].length);
  }
}

export class DriveIterator implements Pick<GFileIterator, 'hasNext' | 'getContinuationToken'> {
  constructor(
    private readonly store: DriveStore,
    private readonly kind: 'file' | 'folder',
    private readonly ids: string[],
    private position: number,
  ) {}

  hasNext(): boolean {
    return this.position < this.ids.length;
  }

  /** Drive pages results; a script pays one round trip per page, not per item. */
  next(): GFile | GFolder {
    if (!this.hasNext()) throw gasError(ITERATOR_END);
    if (this.position > 0 && this.position % ITEMS_PER_PAGE === 0) this.store.charge(`${this.kind}Iterator.nextPage`);
    const id = this.ids[this.position++];
    return this.kind === 'file' ? this.store.file(id) : this.store.folder(id);
  }

  /** Opaque to scripts; resumes the same result list (DriveApp.continueFileIterator). */
  getContinuationToken(): string {
    return Buffer.from(JSON.stringify({ kind: this.kind, ids: this.ids, position: this.position })).toString('base64');
  }

  static resume(store: DriveStore, token: string, kind: 'file' | 'folder'): DriveIterator {
    try {
      const state = JSON.parse(Buffer.from(String(token), 'base64').toString('utf8')) as {
        kind: string;
        ids: string[];
        position: number;
      };
      if (state.kind === kind && Array.isArray(state.ids) && typeof state.position === 'number') {
        return new DriveIterator(store, kind, state.ids, state.position);
      }
    } catch {
      // falls through to the invalid-argument error below
    }
    throw gasError('Invalid argument: continuationToken');
  }
}
