/**
 * The report layout as one self-contained HTML page: the blocks rendered by domain/doc-blocks.ts
 * under one stylesheet, charts as PNG data URIs with alt text, every text escaped. Suppressed
 * groups show a notice instead of figures.
 */
import { blocksToHtml } from './doc-blocks';
import type { ReportModel } from './report-model';
import { reportLayout, type LayoutOptions, type ReportLayout } from './report-layout';
import type { ReportLabels } from './report-labels';
import { escapeHtml } from './sanitize';

export { reportLabels, type ReportLabels, type ReportTextId } from './report-labels';

const STYLE =
  'body{font-family:"Noto Sans Georgian","Noto Sans",Arial,sans-serif;max-width:60em;margin:2em auto;color:#1a1a1a}' +
  'table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}' +
  'th{background:#eef2f7}.suppressed{color:#666;font-style:italic}.overdue{color:#b00020;font-weight:bold}';

export function renderLayoutHtml(layout: ReportLayout): string {
  return (
    `<!DOCTYPE html><html lang="${layout.language}"><head><meta charset="utf-8"><title>${escapeHtml(layout.title)} — ${escapeHtml(layout.periodLabel)}</title>` +
    `<style>${STYLE}</style></head><body>${blocksToHtml(layout.blocks)}</body></html>`
  );
}

export function renderReportHtml(model: ReportModel, labels: ReportLabels, options: LayoutOptions = {}): string {
  return renderLayoutHtml(reportLayout(model, labels, options));
}
