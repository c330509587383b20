/**
 * Inform: the public report of a period (menu "საჯარო ანგარიშის გამოქვეყნება"). One Doc per period
 * (the editable source, kept private), exported to a PDF in a folder shared view-only by link,
 * with the website's HTML fragment and the social-network post next to it. Publishing the period
 * again rewrites the Doc and replaces the files: one set per period, whatever happened before.
 */
import type { Period } from '../domain/dates';
import { buildPublicReport, publicHtmlFragment, socialPost } from '../domain/public-report';
import { writeBlocks } from '../adapters/doc-writer';
import { ensureDoc, ensureFolder, replaceBlobFile, saveTextFile } from '../adapters/drive-files';
import { WORKING_FOLDER, highlightOverdueActions } from './agenda';
import { workbook } from './context';
import { askPeriod, collectFirst, loadKnownNames, loadPeriodData, periodKey, themeLabels, withScriptLock } from './feedback-data';

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
  /** Georgian note when the collection before the build failed (published anyway). */
  collectionProblem: string | null;
}

/** File names of a period's public files (one of each per period). */
export function publicFileNames(period: Period): { doc: string; pdf: string; html: string; post: string } {
  const doc = `საჯარო ანგარიში — ${period.label}`;
  return { doc, pdf: `${doc}.pdf`, html: `${doc} — ვებგვერდისთვის.html`, post: `${doc} — პოსტი.txt` };
}

export function publishReport(period: Period, ss: Spreadsheet = workbook()): PublishResult {
  const collectionProblem = collectFirst();
  return withScriptLock(() => {
    const { settings, services, records, actions, themes, model } = loadPeriodData(ss, period, { internal: false, language: 'ka' });
    const report = buildPublicReport({
      model,
      records,
      actions,
      knownNames: loadKnownNames(ss),
      municipality: settings.municipality,
      publishedAt: new Date(),
      themeLabels: themeLabels(themes),
      serviceNames: Object.fromEntries(services.map((s) => [s.code, s.ka])),
      minGroupSize: settings.minGroupSize,
    });

    const names = publicFileNames(period);
    const key = periodKey(period);
    const working = ensureFolder(WORKING_FOLDER.key, WORKING_FOLDER.name);
    const publicFolder = ensureFolder(PUBLIC_FOLDER.key, PUBLIC_FOLDER.name);
    publicFolder.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);

    const { doc } = ensureDoc(`publicDoc.${key}`, names.doc, working);
    const docId = doc.getId();
    writeBlocks(doc, report.blocks);
    const pdfBlob = DocumentApp.openById(docId).getAs('application/pdf');
    const pdf = replaceBlobFile(publicFolder, pdfBlob, names.pdf);
    pdf.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
    const pdfUrl = pdf.getUrl();
    const html = saveTextFile(`publicHtml.${key}`, publicFolder, names.html, publicHtmlFragment(report, pdfUrl), 'text/html');
    const post = socialPost(report, pdfUrl);
    const postFile = saveTextFile(`publicPost.${key}`, publicFolder, names.post, post, 'text/plain');
    highlightOverdueActions(ss);
    return {
      docId,
      pdfId: pdf.getId(),
      pdfUrl,
      htmlId: html.getId(),
      postId: postFile.getId(),
      folderUrl: publicFolder.getUrl(),
      post,
      collectionProblem,
    };
  });
}

export function publishReportAction(): string {
  const answer = askPeriod('საჯარო ანგარიშის გამოქვეყნება', 'რომელი პერიოდის ანგარიში გამოვაქვეყნო?');
  if (!answer.ok) return answer.cancelled ? 'გამოქვეყნება გაუქმდა.' : `საჯარო ანგარიში არ გამოქვეყნდა. ${answer.error}`;
  const result = publishReport(answer.period);
  return [
    `საჯარო ანგარიში გამოქვეყნდა (${answer.period.label}).`,
    `PDF (ხედვა ბმულით): ${result.pdfUrl}`,
    `ვებგვერდის HTML ფრაგმენტი და სოციალური ქსელის პოსტის ტექსტი: ${result.folderUrl}`,
    ...(result.collectionProblem ? [result.collectionProblem] : []),
  ].join('\n');
}
