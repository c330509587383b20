/**
 * The harness side of DocumentApp: the app a script sees, and views of every document.
 */
import type { Core } from '../core';
import { type DocJson, bodyItems } from './json';
import { DocsStore, DocumentAppFake, type DocsOptions } from './document';
import { toGas } from './session';

export class DocsService {
  readonly app: GoogleAppsScript.Document.DocumentApp;
  private readonly store: DocsStore;

  constructor(core: Core, options: DocsOptions = {}) {
    this.store = new DocsStore(core, options);
    this.app = toGas(new DocumentAppFake(this.store));
    // Drive's files.create with the Docs MIME type makes an empty document (one empty paragraph).
    core.nativeCreators.set('application/vnd.google-apps.document', (name) => this.store.create(name));
  }

  /** Every document made, for the dump. */
  list(): Array<{ id: string; name: string }> {
    return [...this.store.models.keys()].map((id) => ({ id, name: this.store.name(id) }));
  }

  /** The body as data: paragraphs with heading level, list items, tables as text, images with alt text. */
  toJson(docId: string): DocJson {
    const model = this.store.model(docId);
    return {
      id: model.id,
      name: this.store.name(docId),
      pageWidth: model.pageWidth,
      pageHeight: model.pageHeight,
      margins: { ...model.margins },
      body: bodyItems(model),
    };
  }

  /** A self-contained HTML page (UTF-8, the `lang` and fonts of DocsOptions, images inlined, page size as CSS @page). */
  toHtml(docId: string): string {
    return this.store.html(this.store.model(docId));
  }

  /** The PDF File.getAs / Document.getAs would return, without charging a call. */
  toPdf(docId: string): Uint8Array {
    return this.store.pdf(this.store.model(docId));
  }
}
