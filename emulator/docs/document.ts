/**
 * Document and DocumentApp, and the store of every document: each is a Drive file (kind
 * 'document') exporting to PDF, Markdown and HTML.
 * https://developers.google.com/apps-script/reference/document/document-app
 */
import { type Core, type DriveEntry, gasError } from '../core';
import { BlobFake, encodeString } from '../blob';
import {
  ATTRIBUTE,
  type BodyNode,
  DOCUMENT_MISSING,
  type DocModel,
  ELEMENT_TYPE,
  type GBlob,
  type GBody,
  type GDocument,
  GLYPH_TYPE,
  HORIZONTAL_ALIGNMENT,
  LETTER,
  PARAGRAPH_HEADING,
  TEXT_ALIGNMENT,
  VERTICAL_ALIGNMENT,
  cloneBlock,
  newParagraph,
} from './model';
import { BodyFake } from './containers';
import { DocSession, toGas } from './session';
import { renderHtml, type HtmlView } from './html';
import { renderMarkdown } from './markdown';
import { renderPdf, type PdfTransliterate } from './pdf';

class DocumentFake
  implements Pick<GDocument, 'getId' | 'getName' | 'setName' | 'getUrl' | 'getBody' | 'saveAndClose' | 'getAs' | 'getBlob' | 'getHeader' | 'getFooter'>
{
  toString(): string {
    return 'Document';
  }
  constructor(private readonly session: DocSession) {}

  private get entry(): DriveEntry {
    const entry = this.session.store.core.drive.get(this.session.model.id);
    if (!entry) throw gasError(DOCUMENT_MISSING);
    return entry;
  }

  getId(): string {
    return this.session.model.id;
  }

  getName(): string {
    return this.entry.name;
  }

  setName(name: string): GDocument {
    this.session.write('Document.setName');
    this.entry.name = String(name);
    return toGas(this);
  }

  getUrl(): string {
    return `https://docs.google.com/document/d/${this.getId()}/edit`;
  }

  getBody(): GBody {
    return toGas(new BodyFake(this.session, this.session.model.body));
  }

  /**
   * The emulator has no headers or footers (addHeader is not emulated), so a document has none:
   * "Retrieves the document's header section, if one exists", else null.
   * https://developers.google.com/apps-script/reference/document/document#getHeader()
   */
  getHeader(): GoogleAppsScript.Document.HeaderSection {
    return null as unknown as GoogleAppsScript.Document.HeaderSection;
  }
  getFooter(): GoogleAppsScript.Document.FooterSection {
    return null as unknown as GoogleAppsScript.Document.FooterSection;
  }
  /** Later edits through this Document object fail; DocumentApp.openById gives a fresh one. */
  saveAndClose(): void {
    this.session.write('Document.saveAndClose');
    this.session.closed = true;
  }

  /**
   * Only PDF (and, since 2024, Markdown) are valid targets.
   * https://developers.google.com/apps-script/reference/document/document#getAs(String)
   */
  getAs(contentType: string): GBlob {
    const target = String(contentType);
    if (target !== 'application/pdf' && target !== 'text/markdown') {
      throw gasError(`Converting from application/vnd.google-apps.document to ${target} is not supported.`);
    }
    this.session.store.core.call('DocumentApp', 'Document.getAs');
    const exported = this.session.store.export(this.session.model, target);
    return toGas(new BlobFake(exported.bytes, exported.mimeType, exported.name));
  }

  /** A document's blob is its PDF. */
  getBlob(): GBlob {
    return this.getAs('application/pdf');
  }
}

export class DocumentAppFake
  implements
    Pick<
      GoogleAppsScript.Document.DocumentApp,
      | 'Attribute'
      | 'ElementType'
      | 'GlyphType'
      | 'HorizontalAlignment'
      | 'ParagraphHeading'
      | 'TextAlignment'
      | 'VerticalAlignment'
      | 'create'
      | 'openById'
      | 'openByUrl'
      | 'getActiveDocument'
    >
{
  readonly Attribute = ATTRIBUTE;
  readonly ElementType = ELEMENT_TYPE;
  readonly GlyphType = GLYPH_TYPE;
  readonly HorizontalAlignment = HORIZONTAL_ALIGNMENT;
  readonly ParagraphHeading = PARAGRAPH_HEADING;
  readonly TextAlignment = TEXT_ALIGNMENT;
  readonly VerticalAlignment = VERTICAL_ALIGNMENT;

  constructor(private readonly store: DocsStore) {}

  create(name: string): GDocument {
    this.store.core.call('DocumentApp', 'create');
    const entry = this.store.create(String(name));
    entry.appUsers = this.store.core.appUsersOfNew(this.store.core.builtinCreateIsApps());
    return this.store.open(entry.id);
  }

  openById(id: string): GDocument {
    this.store.core.call('DocumentApp', 'openById');
    return this.store.open(String(id));
  }

  /** Accepts the /document/d/<id>/ form Drive and Docs hand out. */
  openByUrl(url: string): GDocument {
    this.store.core.call('DocumentApp', 'openByUrl');
    const match = /\/document\/d\/([A-Za-z0-9_-]+)/.exec(String(url)) ?? /[?&]id=([A-Za-z0-9_-]+)/.exec(String(url));
    if (!match) throw gasError('Invalid argument: url');
    return this.store.open(match[1]);
  }

  /** A standalone script has no active document. */
  getActiveDocument(): GDocument {
    return null as unknown as GDocument;
  }
}

/** How documents are rendered where the document itself does not say (the caller's choice). */
export interface DocsOptions {
  /** The HTML view's `lang`; default: the Workspace's locale. */
  htmlLanguage?: string;
  /** The HTML view's CSS font-family list; default `Arial, sans-serif`. */
  htmlFontFamily?: string;
  /**
   * Maps text the PDF's built-in Helvetica cannot show (outside printable ASCII) to text it can,
   * e.g. a transliteration; default none (such characters print as '?').
   */
  pdfTransliterate?: PdfTransliterate;
}

export class DocsStore {
  readonly models = new Map<string, DocModel>();

  private readonly htmlView: HtmlView;
  private readonly transliterate: PdfTransliterate;

  constructor(
    readonly core: Core,
    options: DocsOptions = {},
  ) {
    this.htmlView = { language: options.htmlLanguage ?? core.locale, fontFamily: options.htmlFontFamily ?? 'Arial, sans-serif' };
    this.transliterate = options.pdfTransliterate ?? ((text) => text);
  }

  create(name: string, parents: string[] = []): DriveEntry {
    const id = this.core.newId();
    const body: BodyNode = { kind: 'body', children: [] };
    // A new document holds one empty paragraph.
    body.children.push(newParagraph('paragraph', '', body));
    this.models.set(id, {
      id,
      body,
      pageWidth: LETTER.width,
      pageHeight: LETTER.height,
      margins: { top: 72, bottom: 72, left: 72, right: 72 },
      listCounter: 0,
    });
    return this.register(id, name, parents);
  }

  private register(id: string, name: string, parents: string[]): DriveEntry {
    const now = this.core.now();
    const entry: DriveEntry = {
      id,
      name,
      mimeType: 'application/vnd.google-apps.document',
      parents,
      createdAt: now,
      updatedAt: now,
      trashed: false,
      sharing: { access: 'PRIVATE', permission: 'NONE' },
      kind: 'document',
      exportAs: (mimeType) => this.export(this.model(id), mimeType),
      duplicate: (copyName) => this.duplicate(id, copyName),
    };
    this.core.drive.set(id, entry);
    return entry;
  }

  private duplicate(id: string, name: string): DriveEntry {
    const source = this.model(id);
    const copyId = this.core.newId();
    const body: BodyNode = { kind: 'body', children: [] };
    body.children = source.body.children.map((b) => cloneBlock(b, body));
    this.models.set(copyId, { ...source, id: copyId, body, margins: { ...source.margins } });
    return this.register(copyId, name, [...(this.core.drive.get(id)?.parents ?? [])]);
  }

  model(id: string): DocModel {
    const model = this.models.get(id);
    if (!model) throw gasError(DOCUMENT_MISSING);
    return model;
  }

  open(id: string): GDocument {
    return toGas(new DocumentFake(new DocSession(this, this.model(id))));
  }

  name(id: string): string {
    return this.core.drive.get(id)?.name ?? '';
  }

  export(model: DocModel, mimeType: string): { bytes: Uint8Array; mimeType: string; name: string } {
    const name = this.name(model.id);
    if (mimeType === 'application/pdf') return { bytes: this.pdf(model), mimeType, name: `${name}.pdf` };
    if (mimeType === 'text/markdown') return { bytes: encodeString(renderMarkdown(model)), mimeType, name: `${name}.md` };
    if (mimeType === 'text/html') return { bytes: encodeString(this.html(model)), mimeType, name: `${name}.html` };
    throw gasError(`Converting from application/vnd.google-apps.document to ${mimeType} is not supported.`);
  }

  /** The document as a self-contained HTML page. */
  html(model: DocModel): string {
    return renderHtml(model, this.name(model.id), this.htmlView);
  }

  /** The document as PDF bytes. */
  pdf(model: DocModel): Uint8Array {
    return renderPdf(model, this.name(model.id), this.transliterate);
  }
}
