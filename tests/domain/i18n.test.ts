import { MESSAGES, channelName, driverName, t, type MessageId } from '../../src/domain/i18n';
import { TABS } from '../../src/domain/schema';
import { CHANNELS, DRIVERS } from '../../src/domain/types';

describe('t', () => {
  test('Georgian by default, English on request', () => {
    expect(t('menu.root')).toBe('უკუკავშირი');
    expect(t('menu.root', 'en')).toBe('Feedback');
  });
  test('interpolates {name} parameters, leaves unknown ones visible', () => {
    expect(t('error.invalid_score', 'ka', { item: 'n1.overall', value: 7 })).toBe(
      'n1.overall: „7“ არ არის შეფასება 1-დან 5-მდე — ქულებში არ ჩაითვალა',
    );
    expect(t('invite.failed', 'en', {})).toBe('Failed: {reason}');
    expect(t('invite.failed', 'en', { reason: 'a $& b' })).toBe('Failed: a $& b');
  });
});

describe('the table', () => {
  const ids = Object.keys(MESSAGES) as MessageId[];
  test('every message has both languages, non-empty, and the same parameters', () => {
    for (const id of ids) {
      const { ka, en } = MESSAGES[id];
      expect(ka.trim()).not.toBe('');
      expect(en.trim()).not.toBe('');
      const params = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();
      expect([id, params(ka)]).toEqual([id, params(en)]);
    }
  });
  test('Georgian is never upper-cased (no Mtavruli)', () => {
    for (const id of ids) expect(MESSAGES[id].ka).not.toMatch(/[\u1C90-\u1CBF]/);
  });
  test('Georgian texts are Georgian', () => {
    for (const id of ids) expect([id, /[\u10D0-\u10FF]/.test(MESSAGES[id].ka)]).toEqual([id, true]);
  });

  test('menu captions', () => {
    expect(t('menu.setup')).toBe('სისტემის მომზადება / განახლება');
    for (const id of ['menu.import_paper', 'menu.collect_now', 'menu.send_invitations', 'menu.build_report', 'menu.prepare_meeting',
      'menu.publish_report', 'menu.paper_form'] as MessageId[]) expect(MESSAGES[id]).toBeDefined();
  });

  test('application statuses', () => {
    expect([t('status.received'), t('status.in_review'), t('status.closed')]).toEqual(['მიღებულია', 'განხილვაშია', 'დასრულებულია']);
  });

  test('tab names agree with the workbook schema', () => {
    expect(t('tab.settings')).toBe(TABS.settings.name);
    expect(t('tab.services')).toBe(TABS.services.name);
    expect(t('tab.applications')).toBe(TABS.applications.name);
    expect(t('tab.feedback')).toBe(TABS.feedback.name);
    expect(t('tab.paper')).toBe(TABS.paper.name);
    expect(t('tab.other_channels')).toBe(TABS.otherChannels.name);
    expect(t('tab.actions')).toBe(TABS.actions.name);
    expect(t('tab.themes')).toBe(TABS.themes.name);
    expect(t('tab.invitations')).toBe(TABS.invitations.name);
    expect(t('tab.log')).toBe('ჟურნალი');
  });

  test('channel names', () => {
    expect(CHANNELS.map((c) => channelName(c))).toEqual([
      'ქაღალდის ფორმა', 'ონლაინ (QR)', 'ელფოსტის ბმული', 'ტელეფონი', 'სოციალური ქსელი', 'ვებგვერდი', 'წერილი', 'სხვა',
    ]);
    expect(channelName('phone', 'en')).toBe('Phone');
  });

  test('driver names', () => {
    expect(DRIVERS.map((d) => driverName(d))).toEqual([
      'სიმარტივე', 'ეფექტიანობა', 'გამჭვირვალობა', 'დახმარება', 'ხარისხი', 'სამართლიანობა', 'კმაყოფილება', 'ნდობა',
    ]);
    expect(driverName('trust', 'en')).toBe('Trust');
  });

  test('invitation statuses and row errors exist', () => {
    for (const id of ['invite.sent', 'invite.deferred_quota', 'invite.failed', 'invite.skipped_no_email', 'invite.skipped_invalid_email',
      'invite.skipped_opted_out', 'invite.sent_unknown_service', 'error.invalid_score', 'error.unknown_service', 'error.missing_required',
      'error.empty_submission', 'error.text_truncated', 'error.invalid_date', 'error.invalid_channel']) {
      expect(ids).toContain(id);
    }
  });
});
