/**
 * DocumentApp, Utilities, LockService and Session as live Apps Script behaves, for the methods the
 * product calls. Each expectation is an assertion of the gas-fakes suite run on live Apps Script
 * (github.com/brucemcpherson/gas-fakes, test/<file>:<line>) or Google's reference, restated in our
 * own tests. Digests are checked against Node's crypto over the bytes Java would encode.
 */
import { createHash, createHmac } from 'node:crypto';
import { newWorkspace } from './support';

const signed = (buffer: Buffer) => Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
const md5 = (bytes: Buffer | string) => signed(createHash('md5').update(bytes).digest());

describe('paragraph attributes (gas-fakes test/testdocsstyles.js:62–98, 170–184)', () => {
  function body() {
    const ws = newWorkspace();
    const doc = ws.docs.app.create('D');
    return { DocumentApp: ws.docs.app, doc, body: doc.getBody() };
  }

  test("an appended paragraph reports its style's computed values; what nothing sets is present as null", () => {
    const { DocumentApp, body: b } = body();
    const attributes = b.appendParagraph('p1').getAttributes() as Record<string, unknown>;
    expect(attributes.HEADING).toBe(DocumentApp.ParagraphHeading.NORMAL);
    expect(attributes.LEFT_TO_RIGHT).toBe(true);
    expect(attributes.HORIZONTAL_ALIGNMENT).toBe(DocumentApp.HorizontalAlignment.LEFT);
    expect(attributes.LINE_SPACING).toBe(1.15);
    expect('ITALIC' in attributes && attributes.ITALIC === null).toBe(true);
  });

  test('a paragraph made by setText inherits: alignment and italic are null', () => {
    const { body: b } = body();
    b.setText('Initial paragraph.');
    const attributes = b.getChild(0).asParagraph().getAttributes() as Record<string, unknown>;
    expect([attributes.HORIZONTAL_ALIGNMENT, attributes.ITALIC]).toEqual([null, null]);
  });

  test('Body.setAttributes styles the text of existing and new paragraphs, not their alignment', () => {
    const { DocumentApp, body: b } = body();
    b.setText('Initial paragraph.');
    b.setAttributes({ HORIZONTAL_ALIGNMENT: DocumentApp.HorizontalAlignment.CENTER, ITALIC: true, FONT_FAMILY: 'Comic Sans MS' });
    const existing = b.getChild(0).asParagraph().getAttributes() as Record<string, unknown>;
    expect([existing.HORIZONTAL_ALIGNMENT, existing.ITALIC, existing.FONT_FAMILY]).toEqual([null, true, 'Comic Sans MS']);
    const added = b.appendParagraph('A new paragraph').getAttributes() as Record<string, unknown>;
    expect([added.HORIZONTAL_ALIGNMENT, added.ITALIC, added.FONT_FAMILY]).toEqual([DocumentApp.HorizontalAlignment.LEFT, true, 'Comic Sans MS']);
  });
});

describe('inserting paragraphs (gas-fakes test/testdocsnext.js:220–231)', () => {
  test('past the end: "must be less than or equal to"; a body: no such overload', () => {
    const ws = newWorkspace();
    const doc = ws.docs.app.create('D');
    const b = doc.getBody();
    const detached = b.appendParagraph('attached').copy();
    expect(() => b.insertParagraph(99, detached)).toThrow(/must be less than or equal to the number of child elements/);
    expect(() => b.insertParagraph(1, b as unknown as GoogleAppsScript.Document.Paragraph)).toThrow(/^The parameters .* don't match the method signature/);
  });

  test('a body prints as DocumentBodySection; a new document has no header or footer (test/testdocs.js:144)', () => {
    const ws = newWorkspace();
    const doc = ws.docs.app.create('D');
    expect([String(doc), String(doc.getBody())]).toEqual(['Document', 'DocumentBodySection']);
    expect([doc.getHeader(), doc.getFooter()]).toEqual([null, null]);
  });
});

describe('digests and HMACs of text (gas-fakes test/testutilities.js:150–182, 292–375)', () => {
  test('text without a charset is US-ASCII: each character outside ASCII hashes as one "?"', () => {
    const { utilities: Utilities } = newWorkspace();
    const MD5 = Utilities.DigestAlgorithm.MD5;
    expect(Utilities.computeDigest(MD5, '€🙂')).toEqual(md5('??'));
    expect(Utilities.computeDigest(MD5, 'ქალაქი')).toEqual(Utilities.computeDigest(MD5, 'სერვის'));
    expect(Utilities.computeDigest(MD5, 'input to hash')).toEqual(md5('input to hash'));
  });

  test('with Utilities.Charset.UTF_8, or given bytes, the UTF-8 bytes are hashed', () => {
    const { utilities: Utilities } = newWorkspace();
    const MD5 = Utilities.DigestAlgorithm.MD5;
    const utf8 = md5(Buffer.from('€🙂', 'utf8'));
    expect(Utilities.computeDigest(MD5, '€🙂', Utilities.Charset.UTF_8)).toEqual(utf8);
    expect(Utilities.computeDigest(MD5, Utilities.newBlob('€🙂').getBytes())).toEqual(utf8);
    expect(Utilities.computeDigest(MD5, '€🙂', Utilities.Charset.US_ASCII)).toEqual(md5('??'));
  });

  test('HMAC: key and value without a charset are US-ASCII too', () => {
    const { utilities: Utilities } = newWorkspace();
    const hmac = (value: string, key: string) => signed(createHmac('sha256', key).update(value).digest());
    expect(Utilities.computeHmacSha256Signature('café', '€🙂')).toEqual(hmac('caf?', '??'));
    expect(Utilities.computeHmacSha256Signature('café', '€🙂', Utilities.Charset.UTF_8)).toEqual(
      signed(createHmac('sha256', Buffer.from('€🙂', 'utf8')).update(Buffer.from('café', 'utf8')).digest()),
    );
    expect(Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_SHA_256, 'café', 'key')).toEqual(hmac('caf?', 'key'));
  });

  test('arguments that fit no overload throw the signature message', () => {
    const { utilities: Utilities } = newWorkspace();
    const digest = Utilities.computeDigest.bind(Utilities) as unknown as (...args: unknown[]) => unknown;
    const hmac = Utilities.computeHmacSha256Signature.bind(Utilities) as unknown as (...args: unknown[]) => unknown;
    const mismatch = /The parameters \(.*\) don't match/;
    expect(() => digest(Utilities.DigestAlgorithm.MD5, 'x', Utilities.Charset.US_ASCII, 4)).toThrow(mismatch);
    expect(() => digest('x')).toThrow(mismatch);
    expect(() => digest(Utilities.DigestAlgorithm.MD5, 'x', 4)).toThrow(mismatch);
    expect(() => hmac('x', 'k', Utilities.Charset.UTF_8, 4)).toThrow(mismatch);
  });
});

describe('LockService timeouts (gas-fakes test/testlock.js:20–76)', () => {
  test('zero acquires; a negative timeout never does: tryLock is false, waitLock throws "Lock timeout"', () => {
    const ws = newWorkspace();
    const lock = ws.lock.app.getScriptLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.tryLock(10000)).toBe(true);
    lock.releaseLock();
    expect(lock.tryLock(-100)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(0)).not.toThrow();
    lock.releaseLock();
    expect(() => lock.waitLock(-100)).toThrow(/Lock timeout/);
    expect(lock.hasLock()).toBe(false);
  });
});

describe('Session (gas-fakes test/testsession.js:21)', () => {
  test('the active user prints as its email', () => {
    const ws = newWorkspace();
    const Session = ws.globals().Session as GoogleAppsScript.Base.Session;
    expect(String(Session.getActiveUser())).toBe('owner@example.com');
  });
});
