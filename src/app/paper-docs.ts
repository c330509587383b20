/**
 * Print material for the chancellery (menu "ქაღალდის ფორმა და QR პლაკატი"): the paper N1 form and
 * the desk poster with the QR code of the online N1. Both live in one Drive folder and are
 * rewritten in place, so the links staff bookmarked keep working and no copies pile up.
 */
import { FORM_LIST } from '../domain/forms';
import { paperFormBlocks, posterBlocks, type PaperContext } from '../domain/paper-layout';
import type { FormDefinition } from '../domain/types';
import { formKey, readJson, readString, writeString, type FormRecord } from '../adapters/config';
import { ensureDoc, ensureFolder } from '../adapters/drive-files';
import { writePaperBlocks } from '../adapters/print-docs';
import { loadServices, loadSettings, workbook } from './context';
import { withScriptLock } from './feedback-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PRINT_FOLDER_KEY = 'print.folder';
export const PRINT_FOLDER_NAME = 'უკუკავშირი — საბეჭდი მასალა';

/** The forms handed out at the desk (kiosk channel): printed, with their online twin behind the QR code. */
const PAPER_FORMS: readonly FormDefinition[] = FORM_LIST.filter((def) => def.onlineChannel === 'kiosk');

export const paperDocKey = (def: FormDefinition): string => `print.paper.${def.key}`;
export const posterDocKey = (def: FormDefinition): string => `print.poster.${def.key}`;
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
export function ensurePrintMaterial(ss: Spreadsheet, onlyIfStale: boolean): PrintResult {
  const result: PrintResult = { docs: {}, urls: {}, created: [], rewritten: [], missingForms: [] };
  const online: Array<[FormDefinition, FormRecord]> = [];
  for (const def of PAPER_FORMS) {
    const record = readJson<FormRecord>(formKey(def.key));
    if (record) online.push([def, record]);
    else result.missingForms.push(def.key);
  }
  if (online.length === 0) return result;
  const settings = loadSettings(ss).value;
  const serviceNames = loadServices(ss).map((s) => s.ka);
  let folder: GoogleAppsScript.Drive.Folder | null = null;
  for (const [def, record] of online) {
    const context: PaperContext = { municipality: settings.municipality, onlineUrl: record.publishedUrl, serviceNames };
    const fingerprint = JSON.stringify(context);
    const stale = readString(fingerprintKey(def)) !== fingerprint;
    folder = folder ?? ensureFolder(PRINT_FOLDER_KEY, PRINT_FOLDER_NAME);
    const targets: Array<[string, string, string, () => ReturnType<typeof paperFormBlocks>]> = [
      [`paper.${def.key}`, paperDocKey(def), `${def.key} — ქაღალდის ფორმა (A4, დასაბეჭდი)`, () => paperFormBlocks(def, context)],
      [`poster.${def.key}`, posterDocKey(def), `${def.key} — QR პლაკატი (A4)`, () => posterBlocks(def, context)],
    ];
    for (const [role, key, name, blocks] of targets) {
      const { doc, created } = ensureDoc(key, name, folder);
      result.docs[role] = doc.getId();
      result.urls[role] = doc.getUrl();
      if (created) result.created.push(role);
      if (created || stale || !onlyIfStale) {
        writePaperBlocks(doc, blocks());
        if (!created) result.rewritten.push(role);
      }
    }
    writeString(fingerprintKey(def), fingerprint);
  }
  return result;
}

const ROLE_NAMES: Record<string, string> = { paper: 'ქაღალდის ფორმა', poster: 'QR პლაკატი' };

/** Menu "ქაღალდის ფორმა და QR პლაკატი": rewrites both Docs and says where they are. */
export function paperFormsAction(): string {
  const ss = workbook();
  const result = withScriptLock(() => ensurePrintMaterial(ss, false));
  if (Object.keys(result.docs).length === 0) {
    return `ონლაინ ფორმა ჯერ არ არსებობს (${result.missingForms.join(', ')}). ჯერ გაუშვით „სისტემის მომზადება / განახლება“.`;
  }
  const lines = [
    `ქაღალდის ფორმა და QR პლაკატი მზადაა საქაღალდეში „${PRINT_FOLDER_NAME}“ (Google Drive).`,
    'დაბეჭდეთ A4 ფორმატზე: ფაილი ▸ ბეჭდვა.',
  ];
  for (const [role, url] of Object.entries(result.urls)) lines.push(`${ROLE_NAMES[role.split('.')[0]] ?? role}: ${url}`);
  return lines.join('\n');
}
