import { MailService } from '../mail';
import { UtilitiesFake } from '../utilities';
import { newCore } from './support';

function setup(dailyQuota = 3) {
  const core = newCore({ now: '2026-01-05T09:00:00+04:00' });
  const mail = new MailService(core, { dailyQuota });
  return { core, mail, app: mail.app as GoogleAppsScript.Mail.MailApp };
}

describe('MailApp', () => {
  test('records every overload with the simulated send time', () => {
    const { core, mail, app } = setup(10);
    app.sendEmail('a@example.com', 'S1', 'B1');
    app.sendEmail('b@example.com', 'S2', 'B2', { htmlBody: '<b>B2</b>', name: 'City Hall', replyTo: 'r@example.com' });
    app.sendEmail({ to: 'c@example.com', cc: 'd@example.com', subject: 'S3', body: 'B3' });
    app.sendEmail('e@example.com', 'reply@example.com', 'S4', 'B4');
    expect(mail.sent.map((m) => [m.to, m.subject])).toEqual([
      ['a@example.com', 'S1'],
      ['b@example.com', 'S2'],
      ['c@example.com', 'S3'],
      ['e@example.com', 'S4'],
    ]);
    expect(mail.sent[1]).toMatchObject({ htmlBody: '<b>B2</b>', name: 'City Hall', replyTo: 'r@example.com' });
    expect(mail.sent[3].replyTo).toBe('reply@example.com');
    expect(mail.sent[0].sentAt).toBe(core.now());
  });

  test("each recipient counts; the exhausted quota throws Google's message", () => {
    const { mail, app } = setup(3);
    app.sendEmail({ to: 'a@example.com, b@example.com', subject: 's', body: 'b' });
    expect(app.getRemainingDailyQuota()).toBe(1);
    expect(() => app.sendEmail({ to: 'c@example.com', cc: 'd@example.com', subject: 's', body: 'b' })).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(mail.sent).toHaveLength(1);
  });

  test('the quota resets 24 hours after the first send of the period', () => {
    const { core, app } = setup(1);
    app.sendEmail('a@example.com', 's', 'b');
    core.advance(23 * 3600_000);
    expect(() => app.sendEmail('a@example.com', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    core.advance(3600_000);
    expect(app.getRemainingDailyQuota()).toBe(1);
    app.sendEmail('a@example.com', 's', 'b');
  });

  test('setDailyQuota changes the allowance', () => {
    const { mail, app } = setup(1);
    mail.setDailyQuota(1500);
    expect(app.getRemainingDailyQuota()).toBe(1500);
  });

  test('invalid and missing recipients', () => {
    const { app } = setup();
    expect(() => app.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
    expect(() => app.sendEmail({ to: '', subject: 's', body: 'b' })).toThrow('Failed to send email: no recipient');
    app.sendEmail('City Hall <hall@example.com>', 's', 'b');
  });

  test('a simple trigger (LIMITED auth) may not send mail', () => {
    const { core, mail, app } = setup();
    expect(() => core.runExecution('onEdit', 'simple', () => app.sendEmail('a@example.com', 's', 'b'))).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(mail.sent).toHaveLength(0);
    core.runExecution('onEditInstalled', 'installable', () => app.sendEmail('a@example.com', 's', 'b'));
    expect(mail.sent).toHaveLength(1);
    // nor ask for the quota, which needs the same scope
    expect(() => core.runExecution('onEdit', 'simple', () => app.getRemainingDailyQuota())).toThrow(
      'You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(core.runExecution('onEditInstalled', 'installable', () => app.getRemainingDailyQuota())).toBe(2);
  });

  test('attachments are recorded by name', () => {
    const { core, mail, app } = setup();
    const blob = new UtilitiesFake(core).newBlob('x,y', 'text/csv', 'report.csv');
    app.sendEmail('a@example.com', 's', 'b', { attachments: [blob] });
    expect(mail.sent[0].attachments).toEqual(['report.csv']);
  });
});
