/**
 * Inform: the public report of a period (menu "საჯარო ანგარიშის გამოქვეყნება"). One Doc per period
 * (the editable source, kept private), exported to a PDF in a folder shared view-only by link,
 * with the website's HTML fragment and the social-network post next to it. Publishing the period
 * again rewrites the Doc and replaces the files: one set per period, whatever happened before.
 */
import type { Period } from '../domain/dates';
import { buildPublicReport, publicHtmlFragment, socialPost } from '../domain/public-report';
import { buildReportModel } from '../domain/report-model';
import { openOrCreateDoc, writeBlocks } from '../adapters/doc-writer';
import { ensureFolder, replaceBlobFile, upsertTextFile } from '../adapters/drive-files';
import { WORKING_FOLDER, highlightOverdueActions } from './agenda';
import { loadServices, loadSettings, workbook } from './context';
import { askPeriod, collectFirst, loadActions, loadFeedback, loadKnownNames, loadThemeLabels, periodKey, withScriptLock } from './feedback-data';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Everything in it is public: anyone with the link may view. */
export const PUBLIC_FOLDER = { key: 'folder.public', name: 'უკუკავშირი — საჯარო ანგარიშები' };

export interface PublishResult {
  docId: string;
  pdfId: string;
  pdfUrl: string;
  htmlId: string;
  postId: string;
  folderUrl: string;
  post: string;
}

/** File names of a period's public files (one of each per period). */
export function publicFileNames(period: Period): { doc: string; pdf: string; html: string; post: string } {
  const doc = `საჯარო ანგარიში — ${period.label}`;
  return { doc, pdf: `${doc}.pdf`, html: `${doc} — ვებგვერდისთვის.html`, post: `${doc} — პოსტი.txt` };
}

export function publishReport(period: Period, ss: Spreadsheet = workbook()): PublishResult {
  collectFirst();
  return withScriptLock(() => {
    const settings = loadSettings(ss).value;
    const services = loadServices(ss);
    const records = loadFeedback(ss);
    const { actions } = loadActions(ss);
    const model = buildReportModel({
      records,
      actions: [],
      period,
      invitationsSent: 0,
      minGroupSize: settings.minGroupSize,
      services,
      language: 'ka',
      internal: false,
    });
    const report = buildPublicReport({
      model,
      records,
      actions,
      knownNames: loadKnownNames(ss),
      municipality: settings.municipality,
      publishedAt: new Date(),
      themeLabels: loadThemeLabels(ss),
      serviceNames: Object.fromEntries(services.map((s) => [s.code, s.ka])),
      minGroupSize: settings.minGroupSize,
    });

    const names = publicFileNames(period);
    const working = ensureFolder(WORKING_FOLDER.key, WORKING_FOLDER.name);
    const publicFolder = ensureFolder(PUBLIC_FOLDER.key, PUBLIC_FOLDER.name);
    publicFolder.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);

    const doc = openOrCreateDoc(`publicDoc.${periodKey(period)}`, names.doc, working);
    writeBlocks(doc, report.blocks);
    doc.saveAndClose();
    const pdfBlob = DocumentApp.openById(doc.getId()).getAs('application/pdf');
    const pdf = replaceBlobFile(publicFolder, pdfBlob, names.pdf);
    pdf.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
    const pdfUrl = pdf.getUrl();
    const html = upsertTextFile(publicFolder, names.html, publicHtmlFragment(report, pdfUrl), 'text/html');
    const post = socialPost(report, pdfUrl);
    const postFile = upsertTextFile(publicFolder, names.post, post, 'text/plain');
    highlightOverdueActions(ss);
    return {
      docId: doc.getId(),
      pdfId: pdf.getId(),
      pdfUrl,
      htmlId: html.getId(),
      postId: postFile.getId(),
      folderUrl: publicFolder.getUrl(),
      post,
    };
  });
}

export function publishReportAction(): string {
  const answer = askPeriod('საჯარო ანგარიშის გამოქვეყნება');
  if (!answer.ok) return answer.message;
  const result = publishReport(answer.period);
  return [
    `საჯარო ანგარიში გამოქვეყნდა (${answer.period.label}).`,
    `PDF (ხედვა ბმულით): ${result.pdfUrl}`,
    `ვებგვერდის HTML ფრაგმენტი და სოციალური ქსელის პოსტის ტექსტი: ${result.folderUrl}`,
  ].join('\n');
}
