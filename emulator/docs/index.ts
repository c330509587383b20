/** DocumentApp on the emulated Workspace (see document.ts for the fakes, service.ts for the harness). */
export { DocsService } from './service';
export type { DocsOptions } from './document';
export type { PdfTransliterate } from './pdf';
export type { DocJson, DocJsonItem } from './json';
