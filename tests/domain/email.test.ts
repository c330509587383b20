import { parseEmail } from '../../src/domain/email';

describe('parseEmail', () => {
  test.each([
    ['nino@example.ge', 'nino@example.ge'],
    ['  nino@example.ge  ', 'nino@example.ge'],
    ['Nino.Beridze@Example.GE', 'Nino.Beridze@example.ge'],
    ['nino+feedback@gmail.com', 'nino+feedback@gmail.com'],
    ['n@mail.ambrolauri.gov.ge', 'n@mail.ambrolauri.gov.ge'],
    ['first_last-1@sub-domain.example.com', 'first_last-1@sub-domain.example.com'],
    ['nino\u200B@example.ge', 'nino@example.ge'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['a@xn--80ak6aa92e.com', 'a@xn--80ak6aa92e.com'],
  ])('accepts %j', (raw, email) => {
    expect(parseEmail(raw)).toEqual({ ok: true, email });
  });

  test.each(['', '   ', null, undefined, '\u200B'])('empty: %j', (raw) => {
    expect(parseEmail(raw)).toEqual({ ok: false, reason: 'empty' });
  });

  test.each([
    'nino',
    'nino.example.ge',
    'nino@@example.ge',
    'nino@exa@mple.ge',
    'ni no@example.ge',
    'nino@example .ge',
    'nino@example',
    '@example.ge',
    'nino@',
    '.nino@example.ge',
    'nino.@example.ge',
    'ni..no@example.ge',
    'nino@.example.ge',
    'nino@example.ge.',
    'nino@example..ge',
    'nino@-example.ge',
    'nino@example-.ge',
    'nino@example.g',
    'nino@example.123',
    'ნინო@example.ge',
    'nino@მერია.გე',
    'Nino <nino@example.ge>',
    'nino@example.ge, giorgi@example.ge',
    'nino@exam_ple.ge',
    `${'a'.repeat(65)}@example.ge`,
    `nino@${'a'.repeat(250)}.ge`,
    12345,
  ])('invalid: %j', (raw) => {
    expect(parseEmail(raw)).toEqual({ ok: false, reason: 'invalid' });
  });
});
