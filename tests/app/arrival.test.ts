/**
 * Personal data on arrival, end to end on the built bundle: a note logged from a phone call that
 * asks to be called back reaches the coordinator's list (a CSV file in the owner's Drive, shared
 * with nobody) and its feedback row keeps no contact detail; a note with a personal number is
 * flagged and not quotable.
 */
import { t } from '../../src/domain/messages';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { REDACTED } from '../../src/domain/redact';
import { feedbackRows, typeOther } from '../support/tabs';
import { setUpWorkbook, type Fixture } from '../support/workbook';

const newborn = DEFAULT_SERVICES.find((s) => s.code === 'newborn')!;
const PHONE = t('channel.phone');
const CALL_ME = 'რიგი ძალიან გრძელია. დამირეკეთ: 577 12 34 56';
const WITH_PN = 'ჩემი პირადი ნომერია 01001012345, საბუთი დაიკარგა';

function callbackFile(fx: Fixture): { text: string; sharing: string; folder: string } | null {
  const row = fx.ws.drive.index().find((r) => r.name === t('file.callbacks') && !r.trashed);
  if (!row) return null;
  return { text: new TextDecoder().decode(fx.ws.drive.contentOf(row.id)), sharing: row.sharing.access, folder: row.folderPath };
}

test('a call-back request reaches only the coordinator; the feedback row stays anonymous', () => {
  const fx = setUpWorkbook();
  typeOther(fx, 2, ['2026-01-04', PHONE, newborn.ka, CALL_ME]);
  typeOther(fx, 3, ['2026-01-04', PHONE, newborn.ka, WITH_PN]);
  fx.ws.core.invoke('menuCollectNow', 'menu', undefined, { rethrow: true });

  const rows = feedbackRows(fx);
  const callMe = rows.find((r) => String(r.text).startsWith('რიგი'))!;
  expect(callMe.text).toBe(`რიგი ძალიან გრძელია. დამირეკეთ: ${REDACTED}`);
  expect(String(callMe.flags)).toContain(t('flag.callback'));
  expect(callMe.quotable).toBe(false);
  const withPn = rows.find((r) => String(r.text).startsWith('ჩემი'))!;
  expect(String(withPn.flags)).toContain('პირადი ნომერი');
  expect(withPn.quotable).toBe(false);
  // Nothing in the feedback tab carries the phone number.
  expect(JSON.stringify(rows)).not.toMatch(/577 12 34 56/);

  const file = callbackFile(fx);
  expect(file?.text).toContain(CALL_ME);
  expect(file?.text).not.toContain('01001012345');
  expect(file?.sharing).toBe('PRIVATE');
  expect(file?.folder).toContain(t('folder.coordinator'));

  // Collected again: the list keeps one line for the request.
  fx.ws.core.invoke('menuCollectNow', 'menu', undefined, { rethrow: true });
  expect(
    callbackFile(fx)
      ?.text.split('\n')
      .filter((line) => line.includes('577 12 34 56')),
  ).toHaveLength(1);
});

test('a list that cannot be read is never rewritten without what it holds: the new request waits, and lands when it can be read', () => {
  const fx = setUpWorkbook();
  typeOther(fx, 2, ['2026-01-04', PHONE, newborn.ka, CALL_ME]);
  fx.ws.core.invoke('menuCollectNow', 'menu', undefined, { rethrow: true });
  expect(callbackFile(fx)?.text).toContain('577 12 34 56');

  // Drive answers every read of the list's content with an outage while a second request arrives.
  fx.ws.core.faultHook = (service, method) => {
    if (service === 'Drive' && method === 'Files.get' && /readText/.test(new Error().stack ?? ''))
      throw new Error('API call to drive.files.get failed with error: Internal Error');
  };
  typeOther(fx, 3, ['2026-01-05', PHONE, newborn.ka, 'ფორმა ვერ ვიპოვე. დამირეკეთ: 599 11 22 33']);
  fx.ws.core.invoke('menuCollectNow', 'menu', undefined, { rethrow: true });
  const during = callbackFile(fx)?.text ?? '';
  expect(during).toContain('577 12 34 56');
  expect(during).not.toContain('599 11 22 33');
  expect(fx.ws.properties.app.getScriptProperties().getProperty('callbacks.pending')).toContain('599 11 22 33');

  // Readable again: the next run (the hourly sweep) adds the waiting request; both are kept.
  fx.ws.core.faultHook = null;
  fx.ws.core.invoke('menuCollectNow', 'menu', undefined, { rethrow: true });
  const after = callbackFile(fx)?.text ?? '';
  expect(after).toContain('577 12 34 56');
  expect(after).toContain('599 11 22 33');
  expect(fx.ws.properties.app.getScriptProperties().getProperty('callbacks.pending')).toBeNull();
});
