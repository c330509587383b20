/**
 * Inform: the public report of a period (a menu item). One Doc per period (the editable source,
 * kept private), exported to a PDF in a folder shared view-only by link, with the website's HTML
 * fragment and the social-network post next to it. Publishing the period again rewrites the Doc
 * and replaces the files: one set per period, whatever happened before. Where the account may
 * not share by link (a Workspace admin's policy), the files are made all the same, and staff are
 * told how to publish them by hand.
 */
import { periodKey, type Period } from '../domain/dates';
import { t } from '../domain/messages';
import { buildPublicReport, publicHtmlFragment, socialPost } from '../domain/public-report';
import { themeLabels } from '../domain/themes';
import { readApplicantNames } from '../adapters/applications-tab';
import { openFolder, type FolderPlace } from '../adapters/documents';
import { withScriptLock } from '../adapters/lock';
import { WORKING_FOLDER, highlightOverdueActions } from './agenda';
import { collectFirst } from './collect';
import { loadPeriodData, recordOutput } from './period-data';
import { askPeriod } from './ui';

/** Everything in it is public: anyone with the link may view. */
export const PUBLIC_FOLDER: FolderPlace = { key: 'folder.public', name: t('folder.public') };

export interface PublishResult {
  docId: string;
  pdfId: string;
  pdfUrl: string;
  htmlId: string;
  postId: string;
  folderUrl: string;
  post: string;
  /** Whether anyone with the link can open the PDF (false: the domain forbids sharing outside it). */
  shared: boolean;
  /** Georgian note when the collection before the build failed (published anyway). */
  collectionProblem: string | null;
  /** Figures withheld because earlier outputs would difference them. */
  withheld: number;
  minGroupSize: number;
}

/** File names of a period's public files (one of each per period). */
export function publicFileNames(period: Period): { doc: string; pdf: string; html: string; post: string } {
  const doc = t('file.public_report', { period: period.label });
  return { doc, pdf: `${doc}.pdf`, html: t('file.web_fragment', { name: doc }), post: t('file.post', { name: doc }) };
}

export function publishReport(period: Period): PublishResult {
  const collectionProblem = collectFirst();
  return withScriptLock(() => {
    const data = loadPeriodData(period, { internal: false, language: 'ka' });
    const { settings, services, records, actions, themes, model } = data;
    const report = buildPublicReport({
      model,
      records,
      actions,
      knownNames: readApplicantNames(),
      municipality: settings.municipality,
      publishedAt: new Date(),
      themeLabels: themeLabels(themes),
      serviceNames: Object.fromEntries(services.map((s) => [s.code, s.ka])),
      minGroupSize: settings.minGroupSize,
    });

    const names = publicFileNames(period);
    const key = periodKey(period);
    const working = openFolder(WORKING_FOLDER);
    const publicFolder = openFolder(PUBLIC_FOLDER);
    const folderShared = publicFolder.shareByLink();

    const doc = working.doc(`publicDoc.${key}`, names.doc);
    doc.write(report.blocks);
    const pdf = publicFolder.savePdf(`publicPdf.${key}`, doc, names.pdf);
    const shared = folderShared && pdf.shared;
    if (!shared) console.warn(`publish ${key}: the public files could not be shared by link; staff were told to publish them by hand`);
    const htmlId = publicFolder.saveText(`publicHtml.${key}`, names.html, publicHtmlFragment(report, pdf.url), 'text/html');
    const post = socialPost(report, pdf.url);
    const postId = publicFolder.saveText(`publicPost.${key}`, names.post, post, 'text/plain');
    recordOutput(data, `public ${key}`);
    highlightOverdueActions();
    const withheld = model.withheldByEarlierOutputs;
    return {
      docId: doc.id,
      pdfId: pdf.id,
      pdfUrl: pdf.url,
      htmlId,
      postId,
      folderUrl: publicFolder.url(),
      post,
      shared,
      collectionProblem,
      withheld,
      minGroupSize: settings.minGroupSize,
    };
  });
}

export function publishReportAction(): string {
  const answer = askPeriod('menu.publish_report', 'publish.question');
  if (!answer.ok) return answer.cancelled ? t('publish.cancelled') : t('publish.not_published', { error: answer.error });
  const result = publishReport(answer.period);
  return [
    t('publish.done', { period: answer.period.label }),
    t(result.shared ? 'publish.pdf' : 'publish.pdf_private', { url: result.pdfUrl }),
    t('publish.files', { url: result.folderUrl }),
    ...(result.shared ? [] : [t('publish.not_shared')]),
    ...(result.withheld > 0 ? [t('disclosure.withheld', { count: result.withheld, min: result.minGroupSize })] : []),
    ...(result.collectionProblem ? [result.collectionProblem] : []),
  ].join('\n');
}
