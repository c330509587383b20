/**
 * Nothing output can be differenced, end to end on the sample quarter (replay/sample.ts) through
 * the BUILT bundle (run `npm run build` first; npm test does): after the sample's own quarterly
 * report and publication, staff build monthly reports, an agenda, a publication of an overlapping
 * period and a report of two months; every figure output lands in the hidden ledger tab, and the
 * attacker's checker (tests/support/differencing-checker.ts) recovers no small group from them.
 */
import { MENU, clickMenu, STAFF_USER, playScenario, type PlayResult } from '../../replay/player';
import { sampleScenario } from '../../replay/sample';
import { dayNumber } from '../../src/domain/disclosure';
import { t } from '../../src/domain/messages';
import { recoverableSmallGroups } from '../support/differencing-checker';
import { LEDGER, ledgerReleases } from '../support/ledger';

describe('the sample quarter, output monthly, quarterly and over overlapping periods', () => {
  let result: PlayResult;
  const messages: string[] = [];
  beforeAll(() => {
    result = playScenario(sampleScenario());
    for (const [caption, period] of [
      [MENU.buildReport, '2026-01'],
      [MENU.buildReport, '2026-02'],
      [MENU.buildReport, '2026-03'],
      [MENU.prepareMeeting, '2026-Q1'],
      [MENU.publishReport, '01.01.2026..30.03.2026'],
      [MENU.buildReport, '2026-02-01..2026-03-31'],
      [MENU.buildReport, '2026-Q1'],
    ] as const) {
      messages.push(clickMenu(result, caption, period));
    }
  }, 240_000);

  test('every output was made and recorded in the ledger', () => {
    expect(messages.join('\n')).not.toContain(t('menu.failed'));
    const ledger = ledgerReleases(result);
    expect(ledger.length).toBeGreaterThan(50);
    expect(new Set(ledger.map((r) => `${r.from}..${r.to}`)).size).toBeGreaterThanOrEqual(6);
    // The decisions' figures are in it too: coverage per service, drivers per service, and the
    // window after the documents list update (from 20.03) on its targeted question.
    expect(ledger.some((r) => r.key.startsWith('forms:N1:service:'))).toBe(true);
    expect(ledger.some((r) => /^driver:N[12]:\w+:service:/.test(r.key))).toBe(true);
    const twentieth = dayNumber(new Date('2026-03-20T00:00:00+04:00'));
    expect(ledger.some((r) => r.key === 'question:n1.docs_clear' && r.from === twentieth)).toBe(true);
  });

  test('the checker recovers no small group from everything output', () => {
    expect(recoverableSmallGroups(ledgerReleases(result), 5)).toEqual([]);
  });

  test('figures were withheld, and staff were told why in Georgian', () => {
    expect(messages.join('\n')).toMatch(/მაჩვენებელი არ გამოჩნდება: ადრე გამოტანილ ანგარიშებთან ერთად/);
  });

  test('the ledger tab is protected: staff cannot edit it', () => {
    expect(() => result.ws.spreadsheets.userEdit(result.spreadsheetId, LEDGER, 'A2', [['x']], STAFF_USER)).toThrow();
  });
});
