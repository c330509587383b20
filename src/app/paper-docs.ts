/**
 * Print material for the chancellery (a menu item, and setup): the paper N1 form and the desk
 * poster with the QR code of the online N1. Both live in one Drive folder and are rewritten in
 * place, so the links staff bookmarked keep working and no copies pile up.
 */
import { FORM_LIST } from '../domain/forms';
import { distinctServiceNames } from '../domain/services';
import { t } from '../domain/messages';
import { paperFormBlocks, posterBlocks, type PaperBlock, type PaperContext } from '../domain/paper-layout';
import type { FormDefinition } from '../domain/types';
import { readFormRecord, readString, writeString, type FormRecord } from '../adapters/config';
import { openFolder, type DocFolder, type FolderPlace } from '../adapters/documents';
import { withScriptLock } from '../adapters/lock';
import { readServices } from '../adapters/services-tab';
import { readSettings } from '../adapters/settings-tab';

export const PRINT_FOLDER: FolderPlace = { key: 'print.folder', name: t('folder.print') };

/** The forms handed out at the desk (kiosk channel): printed, with their online twin behind the QR code. */
const PAPER_FORMS: readonly FormDefinition[] = FORM_LIST.filter((def) => def.onlineChannel === 'kiosk');

const paperDocKey = (def: FormDefinition): string => `print.paper.${def.key}`;
const posterDocKey = (def: FormDefinition): string => `print.poster.${def.key}`;
const fingerprintKey = (def: FormDefinition): string => `print.inputs.${def.key}`;

export interface PrintResult {
  /** Doc ids by role, e.g. { 'paper.N1': '…', 'poster.N1': '…' }. */
  docs: Record<string, string>;
  urls: Record<string, string>;
  created: string[];
  rewritten: string[];
  /** Forms without an online version yet (setup not run). */
  missingForms: string[];
}

/**
 * Writes the paper form and the poster of each paper form. `onlyIfStale`: leave a Doc alone when
 * it exists and what it shows (services, link, municipality) has not changed — setup's mode.
 */
export function ensurePrintMaterial(onlyIfStale: boolean): PrintResult {
  const result: PrintResult = { docs: {}, urls: {}, created: [], rewritten: [], missingForms: [] };
  const online: Array<[FormDefinition, FormRecord]> = [];
  for (const def of PAPER_FORMS) {
    const record = readFormRecord(def.key);
    if (record) online.push([def, record]);
    else result.missingForms.push(def.key);
  }
  if (online.length === 0) return result;
  const settings = readSettings().value;
  const serviceNames = distinctServiceNames(readServices().services);
  let folder: DocFolder | null = null;
  for (const [def, record] of online) {
    const context: PaperContext = { municipality: settings.municipality, onlineUrl: record.publishedUrl, serviceNames };
    const fingerprint = JSON.stringify(context);
    const stale = readString(fingerprintKey(def)) !== fingerprint;
    folder = folder ?? openFolder(PRINT_FOLDER);
    const targets: Array<[string, string, string, () => PaperBlock[]]> = [
      [`paper.${def.key}`, paperDocKey(def), t('file.paper_form', { form: def.key }), () => paperFormBlocks(def, context)],
      [`poster.${def.key}`, posterDocKey(def), t('file.poster', { form: def.key }), () => posterBlocks(def, context)],
    ];
    for (const [role, key, name, blocks] of targets) {
      const doc = folder.doc(key, name);
      result.docs[role] = doc.id;
      result.urls[role] = doc.url;
      if (doc.created) result.created.push(role);
      if (doc.created || stale || !onlyIfStale) {
        doc.writePrint(blocks());
        if (!doc.created) result.rewritten.push(role);
      }
    }
    writeString(fingerprintKey(def), fingerprint);
  }
  return result;
}

const ROLE_NAMES: Record<string, string> = { paper: t('print.paper'), poster: t('print.poster') };

/** The menu item: rewrites both Docs and says where they are. */
export function paperFormsAction(): string {
  const result = withScriptLock(() => ensurePrintMaterial(false));
  if (Object.keys(result.docs).length === 0) return t('print.no_form', { forms: result.missingForms.join(', ') });
  const lines = [t('print.ready', { folder: PRINT_FOLDER.name }), t('print.how')];
  for (const [role, url] of Object.entries(result.urls)) lines.push(`${ROLE_NAMES[role.split('.')[0]] ?? role}: ${url}`);
  return lines.join('\n');
}
