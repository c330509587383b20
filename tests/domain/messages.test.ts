import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES, t, type MessageId } from '../../src/domain/messages';
import { reportLabels } from '../../src/domain/report-labels';
import { TABS } from '../../src/domain/schema';
import { CHANNELS, DRIVERS } from '../../src/domain/types';

describe('t', () => {
  test('Georgian', () => {
    expect(t('menu.root')).toBe('უკუკავშირი');
  });
  test('interpolates {name} parameters, leaves unknown ones visible', () => {
    expect(t('error.invalid_score', { item: 'n1.overall', value: 7 })).toBe('n1.overall: „7“ არ არის შეფასება 1-დან 5-მდე — ქულებში არ ჩაითვალა');
    expect(t('invite.failed_retrying', {})).toBe('ვერ გაიგზავნა: {reason} — ხელახლა ვცდით');
    expect(t('invite.failed_retrying', { reason: 'a $& b' })).toBe('ვერ გაიგზავნა: a $& b — ხელახლა ვცდით');
  });
});

describe('the catalogue', () => {
  const ids = Object.keys(MESSAGES) as MessageId[];
  test('every message is non-empty', () => {
    for (const id of ids) expect([id, MESSAGES[id].trim() !== '']).toEqual([id, true]);
  });
  test('Georgian is never upper-cased (no Mtavruli)', () => {
    for (const id of ids) expect(MESSAGES[id]).not.toMatch(/[\u1C90-\u1CBF]/);
  });
  test('Georgian texts are Georgian', () => {
    for (const id of ids) expect([id, /[\u10D0-\u10FF]/.test(MESSAGES[id])]).toEqual([id, true]);
  });

  test('every id is used by the product', () => {
    const root = join(__dirname, '..', '..', 'src');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && path !== join(root, 'domain', 'messages.ts')) files.push(path);
      }
    };
    walk(root);
    const code = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    // An id is used by name, or through a template such as t(`channel.${channel}`).
    const unused = ids.filter((id) => !code.includes(`'${id}'`) && !code.includes(`\`${id.slice(0, id.lastIndexOf('.') + 1)}\${`));
    expect(unused).toEqual([]);
  });

  test('menu captions', () => {
    expect(t('menu.setup')).toBe('სისტემის მომზადება / განახლება');
    for (const id of [
      'menu.import_paper',
      'menu.collect_now',
      'menu.send_invitations',
      'menu.build_report',
      'menu.prepare_meeting',
      'menu.publish_report',
      'menu.paper_form',
    ] as MessageId[])
      expect(MESSAGES[id]).toBeDefined();
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
  });

  test('channel names', () => {
    expect(CHANNELS.map((c) => t(`channel.${c}`))).toEqual([
      'ქაღალდის ფორმა',
      'ონლაინ (QR)',
      'ელფოსტის ბმული',
      'ტელეფონი',
      'სოციალური ქსელი',
      'ვებგვერდი',
      'წერილი',
      'სხვა',
    ]);
    expect(CHANNELS.map((c) => reportLabels('ka').channel(c))).toEqual(CHANNELS.map((c) => t(`channel.${c}`)));
    expect(reportLabels('en').channel('phone')).toBe('Phone');
  });

  test('driver names', () => {
    expect(DRIVERS.map((d) => reportLabels('ka').driver(d))).toEqual([
      'სიმარტივე',
      'ეფექტიანობა',
      'გამჭვირვალობა',
      'თანამშრომლების თავაზიანობა და მზადყოფნა',
      'ხარისხი',
      'სამართლიანი მოპყრობა',
      'კმაყოფილება',
      'ნდობა',
    ]);
    expect(reportLabels('en').driver('trust')).toBe('Trust');
    // N1's only "equity" item asks about the building, not about fair treatment.
    expect(reportLabels('ka').driver('equity', 'N1')).toBe('შენობის ხელმისაწვდომობა და კომფორტი');
    expect(reportLabels('ka').driver('equity', 'N2')).toBe('სამართლიანი მოპყრობა');
    expect(reportLabels('ka').driver('satisfaction', 'N1')).toBe('კმაყოფილება განცხადების მიღებით');
    expect(reportLabels('ka').driver('satisfaction', 'N2')).toBe('კმაყოფილება მომსახურებით');
  });

  test('invitation statuses and row errors exist', () => {
    for (const id of [
      'invite.sent',
      'invite.deferred_quota',
      'invite.failed_retrying',
      'invite.skipped_no_email',
      'invite.skipped_invalid_email',
      'invite.skipped_opted_out',
      'invite.sent_unknown_service',
      'error.invalid_score',
      'error.unknown_service',
      'error.missing_required',
      'error.empty_submission',
      'error.text_truncated',
      'error.invalid_date',
      'error.invalid_channel',
    ]) {
      expect(ids).toContain(id);
    }
  });
});
