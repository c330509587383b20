/**
 * The funnel's arithmetic, the aggregates file's reader and the national report's order. Known
 * values: at p0 = 0.8 and n = 100 the 95 % limits are 0.8 ± 1.96·0.04 = [0.7216, 0.8784] and the
 * 99.8 % limits 0.8 ± 3.09·0.04 = [0.6764, 0.9236].
 */
import { AGGREGATES_FORMAT, AGGREGATES_VERSION, driveFileId, readAggregates } from '../../src/domain/aggregates';
import { NATIONAL_MIN_RESPONDENTS, Z95, Z998, funnel, limits } from '../../src/domain/funnel';
import { blocksToText } from '../../src/domain/doc-blocks';
import { t } from '../../src/domain/messages';
import { nationalReportBlocks } from '../../src/domain/national-report';

test('control limits: the normal approximation, narrowing with the number of respondents', () => {
  expect(limits(0.8, 100, Z95).low).toBeCloseTo(0.7216, 3);
  expect(limits(0.8, 100, Z95).high).toBeCloseTo(0.8784, 3);
  expect(limits(0.8, 100, Z998).low).toBeCloseTo(0.6764, 3);
  expect(limits(0.8, 400, Z95).high - 0.8).toBeCloseTo((0.8784 - 0.8) / 2, 4);
  expect(limits(0.95, 5, Z998)).toEqual({ low: expect.any(Number), high: 1 });
});

test('verdicts: pooled national figure, both limits, and no comparison below the minimum', () => {
  const result = funnel([
    { municipality: 'ბ', respondents: 10000, share: 0.8 },
    { municipality: 'ა', respondents: 100, share: 0.7 }, // below the 95 % limit, inside 99.8 %
    { municipality: 'გ', respondents: 100, share: 0.6 }, // beyond 99.8 %
    { municipality: 'დ', respondents: NATIONAL_MIN_RESPONDENTS - 1, share: 0.1 }, // too few, however far
    { municipality: 'ე', respondents: 100, share: 0.8 },
  ]);
  const p0 = (10000 * 0.8 + 100 * 0.7 + 100 * 0.6 + 29 * 0.1 + 100 * 0.8) / 10329;
  expect(result.national).toBeCloseTo(p0, 10);
  expect(result.points.map((p) => [p.municipality, p.number, p.verdict])).toEqual([
    ['ა', 1, 'below_95'],
    ['ბ', 2, 'within'],
    ['გ', 3, 'below_998'],
    ['დ', 4, 'too_few'],
    ['ე', 5, 'within'],
  ]);
});

const file = (municipality: string, share: number, respondents: number) =>
  JSON.stringify({
    format: AGGREGATES_FORMAT,
    version: AGGREGATES_VERSION,
    municipality,
    municipalityId: null,
    period: { key: '2026-01-01..2026-03-31', from: '', to: '', label: 'Q1' },
    generatedAt: '',
    minGroupSize: 5,
    groups: [
      { key: 'form:N2', suppressed: false, respondents, answers: respondents, agree: Math.round(share * respondents), share, mean: 4 },
      { key: 'form:N1', suppressed: true },
      { key: 'driver:ease', suppressed: false, respondents: 3, answers: 3, agree: 3 },
    ],
  });

test('the reader: format and version checked, figures below the file minimum not trusted, share recomputed', () => {
  expect(readAggregates('not json')).toEqual({ ok: false, reason: 'not_json' });
  expect(readAggregates('{"format":"other"}')).toEqual({ ok: false, reason: 'not_aggregates' });
  expect(readAggregates(file('ა', 0.8, 50).replace('"version":2', '"version":99'))).toEqual({ ok: false, reason: 'version', version: 99 });
  const read = readAggregates(file('ა', 0.8, 50));
  if (!read.ok) throw new Error('unread');
  expect(read.file.groups).toEqual([
    { key: 'form:N2', suppressed: false, respondents: 50, answers: 50, agree: 40, share: 0.8, mean: 4 },
    { key: 'form:N1', suppressed: true },
  ]);
});

test('Drive ids from links and bare ids', () => {
  expect(driveFileId('https://drive.google.com/file/d/1AbC_dEf-123456789/view?usp=sharing')).toBe('1AbC_dEf-123456789');
  expect(driveFileId('https://drive.google.com/open?id=1AbC_dEf-123456789')).toBe('1AbC_dEf-123456789');
  expect(driveFileId(' 1AbC_dEf-123456789 ')).toBe('1AbC_dEf-123456789');
  expect(driveFileId('ამბროლაური')).toBeNull();
});

test('the report lists municipalities alphabetically whatever their shares: never a ranking', () => {
  const files = [file('გორი', 0.9, 200), file('ამბროლაური', 0.5, 200), file('ბათუმი', 0.7, 200)].map((text) => {
    const read = readAggregates(text);
    if (!read.ok) throw new Error('unread');
    return read.file;
  });
  const text = blocksToText(nationalReportBlocks({ periodLabel: 'Q1', files, problems: [] }));
  const at = (name: string) => text.indexOf(`| ${name} |`);
  expect(at('ამბროლაური')).toBeGreaterThan(0);
  expect(at('ამბროლაური')).toBeLessThan(at('ბათუმი'));
  expect(at('ბათუმი')).toBeLessThan(at('გორი'));
  expect(text).toContain(t('national.verdict.below_998'));
  expect(text).toContain(t('national.verdict.above_998'));
  expect(text).toContain(t('national.no_figures'));
});
