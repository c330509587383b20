import { asksToBeContacted, flaggedPersonal, mergeCallbacks, parseCallbacks, renderCallbacks, screenArrival } from '../../src/domain/arrival';
import { REDACTED } from '../../src/domain/redact';
import { buildReportModel } from '../../src/domain/report-model';
import { DEFAULT_SERVICES } from '../../src/domain/services';
import { feedbackRecord } from '../support/records';

const NAMES = ['Giorgi Beridze', 'ნინო ლომიძე'];
const other = (text: string) => feedbackRecord({ form: 'other', channel: 'phone', text });

describe('personal data on arrival', () => {
  test.each([
    ['რიგი გრძელი იყო, ჩემი ტელეფონი 577/12/34/56', 'ტელეფონი'],
    ['პირადი ნომერი ０１００１０１２３４５', 'პირადი ნომერი'],
    ['ქეთო@მერია.გე — ეს ჩემი ფოსტაა', 'ელფოსტა'],
    ['გიორგი ბერიძემ არ მიმიღო', 'განმცხადებლის სახელი'],
  ])('%j is flagged (%s), not quotable, its text kept for staff to read', (text, kind) => {
    const { record, callback } = screenArrival({ ...other(text), quotable: true }, NAMES);
    expect(callback).toBeNull();
    expect(record.quotable).toBe(false);
    expect(flaggedPersonal(record)).toBe(true);
    expect(record.flags.join('\n')).toContain(kind);
    expect(record.text).toBe(text);
  });

  test('a text without personal data passes unchanged', () => {
    const input = other('რიგში 45 წუთი ვიდექი, 150 ლარი გადავიხადე 05.01.2026-ს');
    expect(screenArrival(input, NAMES).record).toBe(input);
  });

  test('free-text answers of the forms are screened too', () => {
    const input = feedbackRecord({ answers: { 'n1.overall': 2, 'n1.improve': 'დამირეკეთ 599 11 22 33' } });
    const { record, callback } = screenArrival(input, NAMES);
    expect(record.answers['n1.improve']).toBe(`დამირეკეთ ${REDACTED}`);
    expect(record.answers['n1.overall']).toBe(2);
    expect(callback?.text).toBe('დამირეკეთ 599 11 22 33');
  });

  test.each(['დამირეკეთ, გთხოვთ', 'გთხოვთ დამიკავშირდეთ', 'დამიკავშირდით ხვალ', 'Please call me back', 'contact me', 'გადმომირეკეთ'])(
    '%j asks to be contacted',
    (text) => {
      expect(asksToBeContacted(text)).toBe(true);
    },
  );

  test.each(['ზარი არავინ მიპასუხა ორ დღეს', 'კარგად მომემსახურნენ', 'the call center was slow'])('%j does not', (text) => {
    expect(asksToBeContacted(text)).toBe(false);
  });

  test('a request to be contacted goes to the call-back list; the row keeps no contact detail', () => {
    const input = other('ნინო ლომიძე ვარ, დამირეკეთ 577 12 34 56 ან nino@mail.ge');
    const { record, callback } = screenArrival(input, NAMES);
    expect(callback).toEqual({ id: input.id, day: '2026-02-10', channel: 'phone', service: 'newborn', text: input.text });
    expect(record.text).toBe(`${REDACTED} ვარ, დამირეკეთ ${REDACTED} ან ${REDACTED}`);
    expect(record.quotable).toBe(false);
    expect(record.flags.join('\n')).toContain('კოორდინატორის სიას');
  });
});

describe('the call-back list file', () => {
  test('reads back what it wrote: commas, quotes, new lines, formula-looking text', () => {
    const requests = [
      { id: 'a', day: '2026-01-02', channel: 'phone', service: 'newborn', text: 'დამირეკეთ, "სასწრაფოდ"\n577 12 34 56' },
      { id: 'b', day: '2026-01-03', channel: 'paper', service: '', text: '=HYPERLINK("x")' },
    ];
    const csv = renderCallbacks(requests);
    expect(csv).toContain(`'=HYPERLINK`);
    expect(parseCallbacks(csv).sort((x, y) => x.id.localeCompare(y.id))).toEqual(requests);
  });

  test('a corrected row replaces its request, others are kept', () => {
    const a = { id: 'a', day: '2026-01-02', channel: 'phone', service: 'x', text: 'old' };
    const b = { id: 'b', day: '2026-01-02', channel: 'phone', service: 'x', text: 'b' };
    expect(mergeCallbacks([a, b], [{ ...a, text: 'new' }])).toEqual([{ ...a, text: 'new' }, b]);
  });
});

describe('the internal report and agenda quote a flagged comment only once staff ticked quotable', () => {
  test('flagged and not quotable: left out; ticked: quoted (redacted later, as every quote)', () => {
    const low = (text: string, quotable: boolean) =>
      screenArrival(
        feedbackRecord({ receivedAt: new Date('2026-01-10T12:00:00+04:00'), answers: { 'n1.overall': 1, 'n1.improve': text }, themes: ['waiting'], quotable }),
        NAMES,
      ).record;
    const records = [...Array.from({ length: 5 }, () => low('რიგი გრძელია', false)), { ...low('ჩემი ნომერია 577 12 34 56, რიგი გრძელია', false) }];
    const build = (list: typeof records) =>
      buildReportModel({
        records: list,
        actions: [],
        period: { from: new Date('2026-01-01T00:00:00+04:00'), to: new Date('2026-02-01T00:00:00+04:00'), label: '' },
        invitationsSent: 0,
        minGroupSize: 5,
        services: DEFAULT_SERVICES,
        language: 'ka',
        internal: true,
      }).problems.themes[0];
    const theme = build(records);
    expect(theme.suppressed === false && theme.comments).toEqual(['რიგი გრძელია']);
    const cleared = build([...records.slice(0, 5), { ...records[5], quotable: true }]);
    expect(cleared.suppressed === false && cleared.comments).toContain('ჩემი ნომერია 577 12 34 56, რიგი გრძელია');
  });
});
