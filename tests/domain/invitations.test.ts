import {
  LOG_STATE_KA,
  MAX_SEND_ATTEMPTS,
  attemptsOf,
  failedNote,
  finalStatus,
  formatMarker,
  isFinal,
  parseLogState,
  addressRef,
  decodeNote,
  encodeNote,
  parseMarker,
  resolveMarkers,
  sendAllowance,
  sentOnDay,
  type LogRecord,
} from '../../src/domain/invitation-log';
import { expiredEmailRows, isAnonymousLink, isClosedStatus, planInvitations, type ApplicationRow, type PlanInput } from '../../src/domain/invitation-plan';
import { caseOwners, moveCase, resolveInterrupted, sendInvitations, summaryText, type Ledger, type Mailer } from '../../src/domain/invitations';
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
    expect(byIndex.get(bad.index)!.status).toBe(t('invite.skipped_invalid_email'));
    expect(byIndex.get(bad.index)!.status).not.toContain('nino');
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

  test('a marker left behind is unknown, whatever the quota says: it is never guessed sent', () => {
    expect([...resolveMarkers([{ caseId: 'c0' }, { caseId: 'c1' }]).values()]).toEqual(['unknown', 'unknown']);
  });
});

/** An in-memory ledger that records every flush, and a mailer that can die after a send. */
function fakes(records: LogRecord[] = []) {
  const map = new Map(records.map((r) => [r.caseId.toLowerCase(), r]));
  const flushes: Array<Array<[string, LogRecord['state']]>> = [];
  const ledger: Ledger = {
    records: map,
    put: (r) => void map.set(r.caseId.trim().toLowerCase(), r),
    flush: () => void flushes.push([...map.values()].map((r) => [r.caseId, r.state])),
  };
  const sent: string[] = [];
  let quota = 100;
  const mail: Mailer & { dieAfter: number | null } = {
    dieAfter: null,
    remainingDailyQuota: () => quota,
    send(m) {
      sent.push(m.to);
      quota--;
      if (mail.dieAfter !== null && sent.length >= mail.dieAfter) throw new Error('killed');
      return { ok: true };
    },
  };
  const run = {
    ledger,
    mail,
    settings: { municipality: 'მ', senderName: 's', replyTo: '', mailQuotaPerDay: 1000 },
    startedAt: new Date('2026-01-05T10:00:00Z').getTime(),
    budgetMs: 60_000,
    now: () => new Date('2026-01-05T10:00:00Z'),
    warn: () => undefined,
  };
  return { ledger, map, flushes, sent, mail, run, spend: (k: number) => (quota -= k) };
}

describe('the send protocol, one case at a time', () => {
  test('each case is marked sending, alone, in a write before its message; its sent goes with the next marker', () => {
    const rows = [row(), row(), row()];
    const { run, flushes, sent, map } = fakes();
    const { counts } = sendInvitations(plan(rows), run);
    expect(sent).toHaveLength(3);
    expect(counts).toMatchObject({ sent: 3, unknown: 0 });
    // Three marker writes and the closing one; at each marker write only that case is `sending`.
    expect(flushes).toHaveLength(4);
    flushes.slice(0, 3).forEach((f, i) => {
      expect(f.filter(([, state]) => state === 'sending').map(([id]) => id)).toEqual([rows[i].caseId]);
      expect(f.filter(([, state]) => state === 'sent')).toHaveLength(i);
    });
    // Each record keeps the digest of its address and service, never the address.
    for (const r of rows) expect(map.get(String(r.caseId).toLowerCase())).toMatchObject({ state: 'sent', ref: addressRef(String(r.email), 'newborn') });
  });

  test('killed after a message: that one case is left sending; the next run records it unknown and other mail changes nothing', () => {
    const rows = [row(), row(), row()];
    const f = fakes();
    f.mail.dieAfter = 1;
    expect(() => sendInvitations(plan(rows), f.run)).toThrow('killed');
    expect([...f.map.values()].map((r) => r.state)).toEqual(['sending']);
    // The account mails someone else: the quota drops by exactly what the lost send would have used.
    f.spend(1);
    expect(resolveInterrupted(f.run)).toBe(1);
    expect(f.map.get(String(rows[0].caseId).toLowerCase())).toMatchObject({ state: 'unknown', note: t('log.interrupted') });
    f.mail.dieAfter = null;
    const again = sendInvitations(plan(rows, { log: f.map }), f.run);
    expect(again.counts.sent).toBe(2);
    expect(f.sent.filter((to) => to === f.sent[0])).toHaveLength(1);
  });

  test('the summary counts unknown sends when there are any', () => {
    expect(summaryText({ sent: 1, deferred: 0, problems: 0, more: false, unknown: 2 })).toContain(t('invite.summary_unknown', { count: 2 }));
    expect(summaryText({ sent: 1, deferred: 0, problems: 0, more: false, unknown: 0 })).not.toContain(t('invite.summary_unknown', { count: 0 }));
  });
});

describe('a case keeps its identity', () => {
  test('moveCase carries the record to the corrected number; the old number says where it went', () => {
    const f = fakes([{ ...record('A-1', 'sent'), ref: 'abcd0123' }]);
    expect(moveCase(f.ledger, 'A-1', 'A-2', new Date())).toBe(true);
    expect(f.map.get('a-2')).toMatchObject({ caseId: 'A-2', state: 'sent', ref: 'abcd0123', at: new Date('2026-01-05T10:00:00Z') });
    expect(f.map.get('a-1')).toMatchObject({ state: 'skipped', note: t('log.renumbered', { caseId: 'A-2' }) });
    // Never onto a number with a record of its own, nor from a number without one.
    const g = fakes([record('A-1', 'sent'), record('B-1', 'sent')]);
    expect(moveCase(g.ledger, 'A-1', 'B-1', new Date())).toBe(false);
    expect(moveCase(g.ledger, 'Z-9', 'C-1', new Date())).toBe(false);
  });

  test('a row whose address and service were already invited under a number on no row is not invited again', () => {
    const r = row({ caseId: 'NEW-1', email: 'nino@example.ge' });
    const old = { ...record('OLD-1', 'sent'), ref: addressRef('nino@example.ge', 'newborn') };
    const p = plan([r], { log: new Map([['old-1', old]]) });
    expect(p.sends).toEqual([]);
    expect(p.moves).toEqual([{ from: 'OLD-1', to: 'NEW-1' }]);
    // While the old number still stands on a row, the same applicant's new case is a new case.
    const stillThere = row({ caseId: 'OLD-1', email: 'nino@example.ge' });
    expect(plan([stillThere, r], { log: new Map([['old-1', old]]) }).sends.map((s) => s.caseId)).toEqual(['NEW-1']);
  });

  test('of two rows with one number, the row the log invited holds it, wherever it stands', () => {
    const intruder = row({ caseId: 'D-1', email: 'other@example.ge' });
    const invited = row({ caseId: 'D-1', email: 'nino@example.ge' });
    const log = new Map([['d-1', { ...record('D-1', 'sent'), ref: addressRef('nino@example.ge', 'newborn') }]]);
    expect(caseOwners([intruder, invited], log, DEFAULT_SERVICES).get('d-1')).toBe(invited.index);
    const p = plan([intruder, invited], { log });
    expect(p.sends).toEqual([]);
    expect(p.outcomes).toEqual([expect.objectContaining({ index: intruder.index, status: t('invite.duplicate_case_id'), problem: true })]);
    // With no record, the first row holds it; a duplicate is refused even before it is closed.
    const open = row({ caseId: 'D-2', status: 'განხილვაშია' });
    const q = plan([row({ caseId: 'D-2' }), open]);
    expect(q.sends).toHaveLength(1);
    expect(q.outcomes.map((o) => o.index)).toEqual([open.index]);
  });

  test('the address digest rides in the log note and never shows', () => {
    const ref = addressRef('Nino@Example.ge', 'newborn');
    expect(ref).toMatch(/^[0-9a-f]{8}$/);
    expect(ref).toBe(addressRef(' nino@example.ge', 'newborn'));
    expect(ref).not.toBe(addressRef('nino@example.ge', 'funeral'));
    expect(decodeNote(encodeNote('შენიშვნა', ref))).toEqual({ note: 'შენიშვნა', ref });
    expect(decodeNote(encodeNote('', ref))).toEqual({ note: '', ref });
    expect(decodeNote('შენიშვნა')).toEqual({ note: 'შენიშვნა', ref: '' });
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

  test('every closed case older than the retention loses its email, whatever its invitation became', () => {
    const sent = row({ caseId: 'E-1', closedAt: daysAgo(31) });
    const recent = row({ caseId: 'E-2', closedAt: daysAgo(5) });
    const skipped = row({ caseId: 'E-3', closedAt: daysAgo(90), email: 'a@@b' });
    const reopened = row({ caseId: 'E-4', status: 'განხილვაშია', closedAt: daysAgo(90) });
    const alreadyClear = row({ caseId: 'E-5', email: '', closedAt: daysAgo(90) });
    const unknown = row({ caseId: 'E-6', closedAt: daysAgo(40), email: 'a@b.ge, c@d.ge' });
    const noDate = row({ caseId: 'E-7', closedAt: '' });
    const noDateRecent = row({ caseId: 'E-8', closedAt: '' });
    const log = new Map<string, LogRecord>([
      ['e-1', record('E-1', 'sent', '', daysAgo(31))],
      ['e-2', record('E-2', 'sent', '', daysAgo(5))],
      ['e-3', record('E-3', 'skipped', '', daysAgo(90))],
      ['e-4', record('E-4', 'sent', '', daysAgo(90))],
      ['e-6', record('E-6', 'unknown', '', daysAgo(40))],
      ['e-7', record('E-7', 'failed', '', daysAgo(45))],
      ['e-8', record('E-8', 'failed', '', daysAgo(2))],
    ]);
    const rows = [sent, recent, skipped, reopened, alreadyClear, unknown, noDate, noDateRecent];
    expect(expiredEmailRows(rows, log, now, 30)).toEqual([sent.index, skipped.index, unknown.index, noDate.index]);
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
