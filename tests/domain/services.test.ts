import { DEFAULT_SERVICES, UNKNOWN_SERVICE, choiceFor, distinctServiceNames, resolveService, servicesFingerprint } from '../../src/domain/services';

describe('DEFAULT_SERVICES', () => {
  test('the annex table, in order', () => {
    expect(DEFAULT_SERVICES.map((s) => s.code)).toEqual([
      'canteen',
      'newborn',
      'large_family',
      'disabled_child',
      'lost_breadwinner',
      'veterans',
      'fire',
      'rent',
      'firewood',
      'holiday_food',
      'medical',
      'centenarian',
      'funeral',
      'one_time_aid',
      'other',
    ]);
    expect(DEFAULT_SERVICES[3]).toEqual({
      code: 'disabled_child',
      ka: 'შეზღუდული შესაძლებლობის მქონე 18 წლამდე ბავშვების ერთჯერადი ფინანსური დახმარება',
      en: 'children with disabilities',
      invite: true,
    });
  });
  test('every service invites except funeral', () => {
    expect(DEFAULT_SERVICES.filter((s) => !s.invite).map((s) => s.code)).toEqual(['funeral']);
  });
  test('codes and names are unique; no code is the unknown marker', () => {
    expect(new Set(DEFAULT_SERVICES.map((s) => s.code)).size).toBe(DEFAULT_SERVICES.length);
    expect(new Set(DEFAULT_SERVICES.map((s) => s.ka)).size).toBe(DEFAULT_SERVICES.length);
    expect(DEFAULT_SERVICES.map((s) => s.code)).not.toContain(UNKNOWN_SERVICE);
  });
});

describe('resolveService', () => {
  const newborn = DEFAULT_SERVICES[1];
  test.each([
    'newborn',
    ' NewBorn ',
    'NEWBORN',
    'new\u200Bborn',
    'ახალშობილთა ოჯახების ერთჯერადი ფინანსური დახმარება',
    '  ახალშობილთა   ოჯახების ერთჯერადი\u00A0ფინანსური დახმარება ',
    'ახალშობილთა\u200B ოჯახების ერთჯერადი ფინანსური დახმარება\uFEFF',
    'ახალშობილთა ოჯახების ერთჯერადი ფინანსური დახმარება'.toUpperCase(),
  ])('resolves %j', (input) => {
    expect(resolveService(input, DEFAULT_SERVICES)).toBe(newborn);
  });

  test.each(['', '   ', 'newbornx', 'ახალშობილი', 'unknown', 'new born'])('does not resolve %j', (input) => {
    expect(resolveService(input, DEFAULT_SERVICES)).toBeNull();
  });

  test('uses the given list (staff edit the services tab)', () => {
    const services = [{ code: 'newborn', ka: 'ახალშობილის დახმარება', invite: true }];
    expect(resolveService('ახალშობილის დახმარება', services)?.code).toBe('newborn');
    expect(resolveService('canteen', services)).toBeNull();
  });

  test("'სხვა' is the service 'other'", () => {
    expect(resolveService('სხვა', DEFAULT_SERVICES)?.code).toBe('other');
  });
});

describe("a form's service list", () => {
  const svc = (code: string, ka: string) => ({ code, ka, invite: true });

  test('lists each name once, in the tab order, as first spelled', () => {
    const services = [svc('a', 'კვება'), svc('b', 'შეშა'), svc('c', 'კვება'), svc('d', '  შეშა '), svc('e', 'Other'), svc('f', 'OTHER'), svc('g', '')];
    expect(distinctServiceNames(services)).toEqual(['კვება', 'შეშა', 'Other']);
    expect(distinctServiceNames(DEFAULT_SERVICES)).toEqual(DEFAULT_SERVICES.map((s) => s.ka));
  });

  test('maps a name to the choice that stands for it', () => {
    const choices = ['კვება', 'Other'];
    expect(choiceFor('other ', choices)).toBe('Other');
    expect(choiceFor('კვება', choices)).toBe('კვება');
    expect(choiceFor('შეშა', choices)).toBeUndefined();
  });
});

describe('servicesFingerprint', () => {
  test('changes with a name, a code, the invite flag, the order or a row added; not otherwise', () => {
    const base = servicesFingerprint(DEFAULT_SERVICES);
    expect(servicesFingerprint(DEFAULT_SERVICES.map((s) => ({ ...s })))).toBe(base);
    const changed = (f: (list: typeof DEFAULT_SERVICES) => typeof DEFAULT_SERVICES) => servicesFingerprint(f(DEFAULT_SERVICES.map((s) => ({ ...s }))));
    expect(changed((l) => l.map((s, i) => (i === 1 ? { ...s, ka: `${s.ka} ` } : s)))).not.toBe(base);
    expect(changed((l) => l.map((s, i) => (i === 1 ? { ...s, code: 'x' } : s)))).not.toBe(base);
    expect(changed((l) => l.map((s, i) => (i === 1 ? { ...s, invite: !s.invite } : s)))).not.toBe(base);
    expect(changed((l) => [...l].reverse())).not.toBe(base);
    expect(changed((l) => [...l, { code: 'new', ka: 'ახალი', invite: true }])).not.toBe(base);
    expect(base.length).toBeLessThan(20);
  });
});
