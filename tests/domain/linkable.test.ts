/**
 * The measure of issue #15's linkable share (bench/linkable.ts), on tabs written by hand: an answer
 * is linkable when exactly one invitation of its service stands in the day window before it.
 */
import { linkableShare, type TabJson } from '../../bench/linkable';
import { N2 } from '../../src/domain/forms';
import { LOG_STATE_KA } from '../../src/domain/invitation-log';
import { TABS, columnsOf } from '../../src/domain/schema';

const log = (rows: Array<[string, string]>): TabJson => ({
  values: [TABS.invitations.columns.map((c) => c.header), ...rows.map(([service, at], i) => [`c${i}`, service, LOG_STATE_KA.sent, at, ''])],
});
const feedback = (rows: Array<[string, string]>): TabJson => {
  const columns = columnsOf('feedback');
  return {
    values: [
      columns.map((c) => c.header),
      ...rows.map(([service, at]) => columns.map(({ key }) => (key === 'form' ? 'N2' : key === 'service' ? service : key === 'received_at' ? at : ''))),
    ],
  };
};

describe('linkable share', () => {
  test('times to the second: one invitation of the service in the 24 hours before the answer links it', () => {
    const figures = linkableShare({
      [TABS.invitations.name]: log([
        ['newborn', '2026-01-05T06:10:00.000Z'],
        ['firewood', '2026-01-05T07:00:00.000Z'],
        ['firewood', '2026-01-05T08:00:00.000Z'],
      ]),
      [TABS.feedback.name]: feedback([
        ['newborn', '2026-01-05T12:00:00.000Z'],
        ['firewood', '2026-01-05T12:00:00.000Z'],
        ['newborn', '2026-01-07T12:00:00.000Z'],
      ]),
    });
    expect(figures).toMatchObject({ answers: 3, linkable: 1, noCandidate: 1, answerTimes: 'time', invitationTimes: 'time' });
  });

  test('dates only: the answer’s day and the day before count, so a batch of three is never one candidate', () => {
    const midnight = '2026-01-04T20:00:00.000Z'; // 5 January in Tbilisi
    const figures = linkableShare({
      [TABS.invitations.name]: log([
        ['newborn', midnight],
        ['newborn', midnight],
        ['newborn', midnight],
        ['firewood', midnight],
      ]),
      [TABS.feedback.name]: feedback([
        ['newborn', '2026-01-05T20:00:00.000Z'],
        ['firewood', '2026-01-05T20:00:00.000Z'],
        ['firewood', '2026-01-06T20:00:00.000Z'],
      ]),
    });
    // 6 January: 5 January is the day before; 7 January: out of the window.
    expect(figures).toMatchObject({ answers: 3, linkable: 1, noCandidate: 1, answerTimes: 'date', invitationTimes: 'date' });
  });

  test('Google’s raw response tab, where the workbook holds it, is what staff read the answer’s time from', () => {
    const raw: TabJson = {
      values: [
        ['Timestamp', N2.items[0].ka],
        ['2026-01-05T09:13:27.000Z', 'ახალშობილის დახმარება'],
      ],
    };
    const services: TabJson = {
      values: [
        ['code', 'ka'],
        ['newborn', 'ახალშობილის დახმარება'],
      ],
    };
    const figures = linkableShare({
      [TABS.invitations.name]: log([['newborn', '2026-01-05T09:00:00.000Z']]),
      [TABS.services.name]: services,
      'N2 — პასუხები': raw,
    });
    expect(figures).toMatchObject({ answers: 1, linkable: 1, answerSource: 'raw response tab' });
  });
});
