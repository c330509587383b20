import {
  LOG_STATE_KA,
  MAX_SEND_ATTEMPTS,
  attemptsOf,
  failedNote,
  finalStatus,
  formatMarker,
  isFinal,
  parseLogState,
  parseMarker,
  resolveMarkers,
  sendAllowance,
  sentOnDay,
  type LogRecord,
} from '../../src/domain/invitation-log';
import { expiredEmailRows, isAnonymousLink, isClosedStatus, planInvitations, type ApplicationRow, type PlanInput } from '../../src/domain/invitation-plan';
import { summaryText } from '../../src/domain/invitations';
import { composeInvitation } from '../../src/domain/mails';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { t } from '../../src/domain/messages';

const CLOSED = 'დასრულებულია';
const NEWBORN = DEFAULT_SERVICES.find((s) => s.code === 'newborn')!;
const FUNERAL = DEFAULT_SERVICES.find((s) => s.code === 'funeral')!;
const FORM = 'https://docs.google.com/forms/d/e/FORMID/viewform';
const linkOf = (code: string): string => `${FORM}?usp=pp_url&entry.1=${encodeURIComponent(code)}`;
const LINKS = new Map(DEFAULT_SERVICES.map((s) => [s.code, linkOf(s.code)]));

let n = 0;
function row(over: Partial<ApplicationRow> = {}): ApplicationRow {
  n++;
  return {
    index: n,
    caseId: `01-2026-${String(n).padStart(4, '0')}`,
    service: NEWBORN.ka,
    email: `p${n}@example.ge`,
    status: CLOSED,
    closedAt: new Date(),
    ...over,
  };
}

function plan(rows: ApplicationRow[], over: Partial<PlanInput> = {}) {
  return planInvitations({ rows, log: new Map(), services: DEFAULT_SERVICES, links: LINKS, genericUrl: FORM, ...over });
}

const record = (caseId: string, state: LogRecord['state'], note = '', at: Date | null = new Date('2026-01-05T10:00:00Z')): LogRecord => ({
  caseId,
  service: 'newborn',
  state,
  at,
  note,
});

describe('closed status', () => {
  test('the Georgian dropdown word and the id count, other statuses do not', () => {
    expect(isClosedStatus(CLOSED)).toBe(true);
    expect(isClosedStatus(` ${CLOSED}\u200b `)).toBe(true);
    expect(isClosedStatus('closed')).toBe(true);
    expect(isClosedStatus('განხილვაშია')).toBe(false);
    expect(isClosedStatus('მიღებულია')).toBe(false);
    expect(isClosedStatus('')).toBe(false);
    expect(isClosedStatus(null)).toBe(false);
  });
});

describe('planInvitations', () => {
  test('a closed case with a valid email and a known service is sent its service link', () => {
    const r = row({ email: '  Nino@Example.GE ' });
    const p = plan([r]);
    expect(p.outcomes).toEqual([]);
    expect(p.sends).toHaveLength(1);
    expect(p.sends[0]).toMatchObject({
      index: r.index,
      email: 'Nino@example.ge',
      service: 'newborn',
      serviceName: NEWBORN.ka,
      link: linkOf('newborn'),
      sentStatus: t('invite.sent'),
      sentNote: '',
    });
  });

  test('rows that are not closed are left alone', () => {
    const p = plan([row({ status: 'განხილვაშია' }), row({ status: '' })]);
    expect(p.sends).toEqual([]);
    expect(p.outcomes).toEqual([]);
    expect(p.fillClosedAt).toEqual([]);
  });

  test('a funeral case is not invited, and that is not counted as a problem', () => {
    const p = plan([row({ service: FUNERAL.ka })]);
    expect(p.sends).toEqual([]);
    expect(p.outcomes[0]).toMatchObject({ status: t('invite.skipped_opted_out'), problem: false, log: { state: 'skipped' } });
  });

  test('empty and malformed emails get their own Georgian status; the log never holds the address', () => {
    const empty = row({ email: '' });
    const bad = row({ email: 'nino@@example' });
    const good = row();
    const p = plan([empty, bad, good]);
    expect(p.sends.map((s) => s.index)).toEqual([good.index]);
    const byIndex = new Map(p.outcomes.map((o) => [o.index, o]));
    expect(byIndex.get(empty.index)!.status).toBe(t('invite.skipped_no_email'));
    expect(byIndex.get(bad.index)!.status).toBe(t('invite.skipped_invalid_email', { value: 'nino@@example' }));
    expect(byIndex.get(bad.index)!.log!.note).not.toContain('nino');
    expect(byIndex.get(bad.index)!.problem).toBe(true);
  });

  test('an unknown service gets the generic form link, noted on the row', () => {
    const r = row({ service: 'ბინის რემონტი' });
    const p = plan([r]);
    expect(p.sends[0]).toMatchObject({ link: FORM, service: 'unknown', serviceName: null });
    expect(p.sends[0].sentStatus).toBe(t('invite.sent_unknown_service', { value: 'ბინის რემონტი' }));
    expect(p.sends[0].sentNote).toBe(p.sends[0].sentStatus);
  });

  test('a known service without a link (setup not run since it was added) gets the generic link', () => {
    const p = plan([row()], { links: new Map() });
    expect(p.sends[0]).toMatchObject({ link: FORM, sentStatus: t('invite.no_service_link') });
  });

  test('a service link that carries the case number or an address is never sent', () => {
    const r = row({ caseId: 'X-77' });
    const p = plan([r], { links: new Map([['newborn', `${FORM}?entry.9=X-77`]]) });
    expect(p.sends[0].link).toBe(FORM);
    const q = plan([row()], { links: new Map([['newborn', `${FORM}?entry.9=a%40b.ge`]]) });
    expect(q.sends[0].link).toBe(FORM);
  });

  test('before setup made the form nothing can be sent, and the row says why', () => {
    const p = plan([row()], { genericUrl: null, links: new Map() });
    expect(p.sends).toEqual([]);
    expect(p.outcomes[0]).toMatchObject({ status: t('invite.no_form'), problem: true });
  });

  test('a closed row without a case number is refused; a repeated case number is invited once', () => {
    const noId = row({ caseId: '  ' });
    const first = row({ caseId: 'A-1' });
    const again = row({ caseId: ' a-1 ' });
    const p = plan([noId, first, again]);
    expect(p.sends.map((s) => s.index)).toEqual([first.index]);
    const byIndex = new Map(p.outcomes.map((o) => [o.index, o]));
    expect(byIndex.get(noId.index)!.status).toBe(t('invite.no_case_id'));
    expect(byIndex.get(again.index)!.status).toBe(t('invite.duplicate_case_id'));
  });

  test('a case the log holds as sent is never planned again (reopened and closed again)', () => {
    const r = row({ caseId: 'B-2' });
    const p = plan([r], { log: new Map([['B-2'.toLowerCase(), record('B-2', 'sent')]]) });
    expect(p.sends).toEqual([]);
    expect(p.outcomes).toEqual([]);
  });

  test('deferred, queued and transiently failed cases are planned again; a case refused too often is not', () => {
    const rows = [row({ caseId: 'C-1' }), row({ caseId: 'C-2' }), row({ caseId: 'C-3' }), row({ caseId: 'C-4' })];
    const log = new Map<string, LogRecord>([
      ['c-1', record('C-1', 'deferred')],
      ['c-2', record('C-2', 'queued')],
      ['c-3', record('C-3', 'failed', failedNote(1, 'x'))],
      ['c-4', record('C-4', 'failed', failedNote(MAX_SEND_ATTEMPTS, 'x'))],
    ]);
    expect(plan(rows, { log }).sends.map((s) => s.caseId)).toEqual(['C-1', 'C-2', 'C-3']);
  });

  test('an edit acts on the edited rows only, and fills their empty closing dates', () => {
    const edited = row({ closedAt: '' });
    const other = row({ closedAt: '' });
    const p = plan([edited, other], { only: new Set([edited.index]) });
    expect(p.sends.map((s) => s.index)).toEqual([edited.index]);
    expect(p.fillClosedAt).toEqual([edited.index]);
    expect(plan([edited, other]).fillClosedAt).toEqual([edited.index, other.index]);
  });
});

describe('isAnonymousLink', () => {
  test('only an https link with no case number and no address passes', () => {
    expect(isAnonymousLink(linkOf('newborn'), '01-2026-0001', 'a@b.ge')).toBe(true);
    expect(isAnonymousLink('http://example.ge/form', '', '')).toBe(false);
    expect(isAnonymousLink(`${FORM}?x=01-2026-0001`, '01-2026-0001', '')).toBe(false);
    expect(isAnonymousLink(`${FORM}?x=a@b.ge`, '', 'a@b.ge')).toBe(false);
    expect(isAnonymousLink('', '', '')).toBe(false);
    // A short case number is not "found" inside the form id or an entry number.
    expect(isAnonymousLink(`${FORM.replace('FORMID', '1FAIpQL')}?usp=pp_url&entry.1=x`, '1', '')).toBe(true);
    expect(isAnonymousLink(`${FORM}?usp=pp_url&entry.1=${encodeURIComponent('100 წელს')}`, '1', '')).toBe(true);
    expect(isAnonymousLink(`${FORM}?usp=pp_url&entry.1=case+1`, '1', '')).toBe(false);
    expect(isAnonymousLink(`https://example.ge/x/A-7/form`, 'a-7', '')).toBe(false);
  });
});

describe('markers and their resolution after a killed run', () => {
  test('a marker keeps its batch, order, quota and the note the case keeps once sent', () => {
    const note = formatMarker({ batch: 'k1.0', seq: 3, quotaBefore: 97 }, 'გაგზავნილია ზოგადი ბმულით');
    expect(parseMarker(note)).toEqual({ batch: 'k1.0', seq: 3, quotaBefore: 97, note: 'გაგზავნილია ზოგადი ბმულით' });
    expect(parseMarker(formatMarker({ batch: 'b', seq: 0, quotaBefore: 5 }))).toEqual({ batch: 'b', seq: 0, quotaBefore: 5, note: '' });
    expect(parseMarker('garbage')).toBeNull();
  });

  const batch = (size: number, quotaBefore: number) =>
    Array.from({ length: size }, (_, seq) => ({ caseId: `c${seq}`, marker: { batch: 'b1', seq, quotaBefore } }));

  test('the quota used since the batch began tells exactly which of its cases went out', () => {
    const out = resolveMarkers(batch(5, 100), 98);
    expect([...out.values()]).toEqual(['sent', 'sent', 'not_sent', 'not_sent', 'not_sent']);
    expect([...resolveMarkers(batch(3, 100), 100).values()]).toEqual(['not_sent', 'not_sent', 'not_sent']);
    expect([...resolveMarkers(batch(3, 100), 97).values()]).toEqual(['sent', 'sent', 'sent']);
  });

  test('anything that breaks the reasoning leaves every case unknown (never resent)', () => {
    // The quota period reset in between (more left than before the batch).
    expect(new Set(resolveMarkers(batch(3, 50), 100).values())).toEqual(new Set(['unknown']));
    // More used than the batch holds: someone else sent mail.
    expect(new Set(resolveMarkers(batch(3, 100), 90).values())).toEqual(new Set(['unknown']));
    // Two batches outstanding, or a marker that cannot be read.
    const two = [...batch(2, 100), { caseId: 'x', marker: { batch: 'b2', seq: 0, quotaBefore: 100 } }];
    expect(new Set(resolveMarkers(two, 99).values())).toEqual(new Set(['unknown']));
    expect(new Set(resolveMarkers([{ caseId: 'y', marker: null }], 99).values())).toEqual(new Set(['unknown']));
    // A day after the marker the quota has certainly been reset, whatever it says now.
    const markedAt = new Date('2026-01-05T10:00:00Z');
    const aged = batch(2, 100).map((m) => ({ ...m, markedAt }));
    expect([...resolveMarkers(aged, 99, new Date(markedAt.getTime() + 3600_000)).values()]).toEqual(['sent', 'not_sent']);
    expect(new Set(resolveMarkers(aged, 100, new Date(markedAt.getTime() + 25 * 3600_000)).values())).toEqual(new Set(['unknown']));
  });
});

describe('log vocabulary', () => {
  test('every state round-trips through its Georgian word', () => {
    for (const [state, ka] of Object.entries(LOG_STATE_KA)) expect(parseLogState(ka)).toBe(state);
    expect(parseLogState('something else')).toBeNull();
    expect(LOG_STATE_KA.sent).toBe('გაგზავნილია');
  });

  test('sent and unknown are final; failed becomes final after the last attempt', () => {
    expect(isFinal(record('a', 'sent'))).toBe(true);
    expect(isFinal(record('a', 'unknown'))).toBe(true);
    expect(isFinal(record('a', 'deferred'))).toBe(false);
    expect(isFinal(record('a', 'failed', failedNote(MAX_SEND_ATTEMPTS - 1, 'r')))).toBe(false);
    expect(isFinal(record('a', 'failed', failedNote(MAX_SEND_ATTEMPTS, 'r')))).toBe(true);
    expect(attemptsOf(record('a', 'failed', failedNote(2, 'r')))).toBe(2);
    expect(finalStatus(record('a', 'failed', failedNote(3, 'მიზეზი')))).toContain('მიზეზი');
    expect(finalStatus(record('a', 'unknown'))).toBe(t('invite.unknown'));
    expect(finalStatus(record('a', 'sent'))).toBe('გაგზავნილია');
  });
});

describe('composeInvitation', () => {
  const link = `${FORM}?usp=pp_url&entry.1=x`;

  test('Georgian, with the municipality, why we ask, two minutes, anonymity and the link', () => {
    const m = composeInvitation({ municipality: 'ამბროლაურის მერია', serviceName: NEWBORN.ka, link });
    for (const part of [m.body, m.htmlBody]) {
      expect(part).toContain('ამბროლაურის მერია');
      expect(part).toContain('2 წუთი');
      expect(part).toContain('ანონიმურია');
      expect(part).toContain('გაუმჯობესებაში');
      expect(part).toContain(NEWBORN.ka);
    }
    expect(m.body).toContain(link);
    expect(m.htmlBody).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
    expect(m.subject).toContain('ამბროლაურის მერია');
  });

  test('every interpolated value is HTML-escaped', () => {
    const m = composeInvitation({
      municipality: '<script>alert(1)</script> მერია',
      serviceName: 'დახმარება <img src=x onerror=alert(2)>',
      link: `${FORM}?a="><script>alert(3)</script>`,
    });
    expect(m.htmlBody).not.toMatch(/<script|<img/i);
    expect(m.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(m.htmlBody).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(m.htmlBody).toContain('&quot;&gt;&lt;script&gt;');
  });

  test('an unknown service is simply not named', () => {
    const m = composeInvitation({ municipality: 'მერია', serviceName: null, link });
    expect(m.body).not.toContain('სერვისი:');
  });
});

describe('expiredEmailRows', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86400000);

  test('closed, invited cases older than the retention lose their email; nothing else does', () => {
    const old = row({ caseId: 'E-1' });
    const recent = row({ caseId: 'E-2' });
    const notInvited = row({ caseId: 'E-3' });
    const reopened = row({ caseId: 'E-4', status: 'განხილვაშია' });
    const alreadyClear = row({ caseId: 'E-5', email: '' });
    const log = new Map<string, LogRecord>([
      ['e-1', record('E-1', 'sent', '', daysAgo(31))],
      ['e-2', record('E-2', 'sent', '', daysAgo(5))],
      ['e-3', record('E-3', 'skipped', '', daysAgo(90))],
      ['e-4', record('E-4', 'sent', '', daysAgo(90))],
      ['e-5', record('E-5', 'sent', '', daysAgo(90))],
    ]);
    expect(expiredEmailRows([old, recent, notInvited, reopened, alreadyClear], log, now, 30)).toEqual([old.index]);
  });
});

describe('summaryText', () => {
  test('names sent, deferred and problems in Georgian', () => {
    const text = summaryText({ sent: 3, deferred: 2, problems: 1, more: true });
    expect(text).toContain('გაიგზავნა: 3');
    expect(text).toContain('გადაიდო (დღიური ლიმიტი): 2');
    expect(text).toContain('პრობლემური სტრიქონები: 1');
    expect(text).toContain('მომდევნო');
  });
});

describe('daily cap (settings mailQuotaPerDay)', () => {
  const at = (iso: string): Date => new Date(iso);
  const record = (state: LogRecord['state'], when: string | null): LogRecord => ({
    caseId: 'x',
    service: 'newborn',
    state,
    at: when ? at(when) : null,
    note: '',
  });

  test('counts what went out, or may have, on the same calendar day in Tbilisi', () => {
    const log = [
      record('sent', '2026-01-05T00:10:00+04:00'),
      record('sent', '2026-01-05T23:50:00+04:00'),
      record('unknown', '2026-01-05T12:00:00+04:00'),
      record('sent', '2026-01-04T23:59:00+04:00'), // yesterday in Tbilisi (19:59 UTC)
      record('failed', '2026-01-05T10:00:00+04:00'),
      record('deferred', '2026-01-05T10:00:00+04:00'),
      record('queued', '2026-01-05T10:00:00+04:00'),
      record('sent', null),
    ];
    expect(sentOnDay(log, at('2026-01-05T20:30:00Z'))).toBe(0); // 00:30 on 6 January in Tbilisi
    expect(sentOnDay(log, at('2026-01-05T18:00:00Z'))).toBe(3);
    expect(sentOnDay(log, at('2026-01-05T18:00:00Z'), 'UTC')).toBe(2);
    expect(sentOnDay(log, at('2026-01-04T21:00:00Z'), 'UTC')).toBe(2);
  });

  test("the allowance is Google's remaining quota, capped by the setting less today's sends", () => {
    expect(sendAllowance(1000, 3, 0)).toBe(3);
    expect(sendAllowance(1000, 3, 2)).toBe(1);
    expect(sendAllowance(1000, 3, 5)).toBe(0);
    expect(sendAllowance(2, 1500, 10)).toBe(2);
    expect(sendAllowance(0, 1500, 0)).toBe(0);
  });
});
