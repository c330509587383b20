import { UtilitiesFake } from '../utilities';
import { createConsole, createLogger, createSession } from '../runtime';
import { newCore, TIME_ZONE } from './support';

function setup() {
  const core = newCore({ now: '2026-01-05T05:00:00Z' });
  return { core, u: new UtilitiesFake(core) };
}

describe('Utilities.formatDate (SimpleDateFormat in the given zone)', () => {
  const at = new Date('2026-01-05T05:00:00Z');

  test('HH in Asia/Dubai is UTC+4', () => {
    const { u } = setup();
    expect(u.formatDate(at, TIME_ZONE, 'yyyy-MM-dd HH:mm')).toBe('2026-01-05 09:00');
    expect(u.formatDate(at, 'UTC', 'yyyy-MM-dd HH:mm')).toBe('2026-01-05 05:00');
  });

  test('names, short fields, offsets and quoted text', () => {
    const { u } = setup();
    expect(u.formatDate(at, TIME_ZONE, "EEE, d MMM yy 'at' H:mm:ss Z")).toBe('Mon, 5 Jan 26 at 9:00:00 +0400');
    expect(u.formatDate(at, TIME_ZONE, "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-01-05T09:00:00+04:00');
    expect(u.formatDate(at, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-01-05T05:00:00Z');
    expect(u.formatDate(at, TIME_ZONE, 'EEEE d MMMM, h a')).toBe('Monday 5 January, 9 AM');
    expect(u.formatDate(at, TIME_ZONE, "M/d 'o''clock' ''")).toBe("1/5 o'clock '");
  });

  test('a day boundary crosses with the zone; an unknown zone silently becomes GMT (Java rule)', () => {
    const { u } = setup();
    const lateUtc = new Date('2026-01-05T22:30:00Z');
    expect(u.formatDate(lateUtc, TIME_ZONE, 'yyyy-MM-dd HH:mm')).toBe('2026-01-06 02:30');
    expect(u.formatDate(lateUtc, 'GMT+4', 'HH:mm')).toBe('02:30');
    expect(u.formatDate(lateUtc, 'Mars/Olympus', 'HH:mm')).toBe('22:30');
  });

  test('a non-Date argument fails like Apps Script', () => {
    const { u } = setup();
    expect(() => u.formatDate('2026-01-05' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('bytes are signed Java bytes', () => {
  test('computeDigest SHA-256 and MD5 return numbers from -128 to 127', () => {
    const { u } = setup();
    const sha = u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc');
    expect(sha).toHaveLength(32);
    // sha256("abc") = ba7816bf…: 0xba is -70 as a Java byte
    expect(sha.slice(0, 4)).toEqual([-70, 120, 22, -65]);
    expect(sha.every((b) => b >= -128 && b <= 127)).toBe(true);
    const md5 = u.computeDigest(u.DigestAlgorithm.MD5, 'abc');
    // md5("abc") = 900150983cd24fb0…
    expect(md5.slice(0, 3)).toEqual([-112, 1, 80]);
  });

  test('HMAC-SHA256 matches the RFC 4231 test case 2', () => {
    const { u } = setup();
    const mac = u.computeHmacSha256Signature('what do ya want for nothing?', 'Jefe');
    const hex = mac.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  test('base64 round trip, web-safe alphabet, multi-byte UTF-8', () => {
    const { u } = setup();
    expect(u.base64Encode('€')).toBe('4oKs');
    expect(u.base64Decode('4YOl')).toEqual([-31, -125, -91]);
    expect(u.newBlob(u.base64Decode(u.base64Encode('Grüße — €'))).getDataAsString()).toBe('Grüße — €');
    expect(u.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(u.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
    expect(() => u.base64Decode('*not base64*')).toThrow('Could not decode string.');
  });
});

describe('blobs', () => {
  test('newBlob, getBytes, getAs', () => {
    const { u } = setup();
    const text = u.newBlob('hi', undefined, 'a.txt');
    expect(text.getContentType()).toBe('text/plain');
    expect(text.getBytes()).toEqual([104, 105]);
    const png = u.newBlob([-119, 80, 78, 71], 'image/png', 'x.png');
    expect(png.getAs('image/png').getBytes()).toEqual([-119, 80, 78, 71]);
    expect(() => text.getAs('image/png')).toThrow('Converting from text/plain to image/png is not supported.');
    expect(u.newBlob([1]).getContentType()).toBeNull();
    expect(u.newBlob('x', 'text/html', 'page.html').copyBlob().setName('b.csv').setContentTypeFromExtension().getContentType()).toBe('text/csv');
  });
});

describe('other utilities', () => {
  test('formatString', () => {
    const { u } = setup();
    expect(u.formatString('%s got %d of %s (%.1f%%)', 'Ana', 4, 5, 80)).toBe('Ana got 4 of 5 (80.0%)');
    expect(u.formatString('%05d|%-4s|', 42, 'ab')).toBe('00042|ab  |');
  });

  test('getUuid is v4-shaped, unique and deterministic per workspace', () => {
    const a = setup().u;
    const b = setup().u;
    const first = a.getUuid();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.getUuid()).not.toBe(first);
    expect(b.getUuid()).toBe(first);
  });

  test('sleep advances the simulated clock, at most 5 minutes', () => {
    const { core, u } = setup();
    core.advanceClockOnCalls = false;
    const start = core.now();
    u.sleep(1500);
    expect(core.now() - start).toBe(1500);
    expect(() => u.sleep(300_001)).toThrow();
  });

  test('parseCsv handles quotes, embedded delimiters and line breaks', () => {
    const { u } = setup();
    expect(u.parseCsv('a,"b,c","d ""q"""\r\n1,"two\nlines",3\n')).toEqual([
      ['a', 'b,c', 'd "q"'],
      ['1', 'two\nlines', '3'],
    ]);
    expect(u.parseCsv('a;b', ';')).toEqual([['a', 'b']]);
  });
});

describe('Session, Logger, console', () => {
  test('getActiveUser().getEmail() is blank in a simple trigger', () => {
    const core = newCore();
    const session = createSession(core);
    expect(core.runExecution('onOpen', 'simple', () => session.getActiveUser().getEmail())).toBe('');
    expect(core.runExecution('menu', 'menu', () => session.getActiveUser().getEmail())).toBe(core.user);
    expect(session.getScriptTimeZone()).toBe(TIME_ZONE);
  });

  test('Logger and console write the execution log', () => {
    const core = newCore();
    const logger = createLogger(core);
    expect(logger.log('%s of %s', 3, 5)).toBe(logger);
    createConsole(core).warn('careful', { n: 1 });
    expect(core.logs).toEqual(['3 of 5', '[WARNING] careful {"n":1}']);
    expect(logger.getLog()).toContain('INFO: 3 of 5');
    logger.clear();
    expect(logger.getLog()).toBe('');
  });
});
