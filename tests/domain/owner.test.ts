import { ownerVerdict, sameAccount } from '../../src/domain/owner';

describe('the deployment owner', () => {
  test('anyone may act while no owner is recorded (the first setup records its runner)', () => {
    expect(ownerVerdict('clerk@example.ge', null)).toEqual({ owner: true });
    expect(ownerVerdict('clerk@example.ge', '  ')).toEqual({ owner: true });
  });

  test('once recorded, only the owner, in any letter case', () => {
    expect(ownerVerdict('Admin@Example.ge', 'admin@example.ge')).toEqual({ owner: true });
    expect(ownerVerdict('clerk@example.ge', ' admin@example.ge ')).toEqual({ owner: false, recorded: 'admin@example.ge' });
  });

  test('an account Google does not name is never the owner of a recorded deployment', () => {
    expect(ownerVerdict('', 'admin@example.ge')).toEqual({ owner: false, recorded: 'admin@example.ge' });
    expect(sameAccount('', '')).toBe(false);
    expect(sameAccount(null, 'a@example.ge')).toBe(false);
  });
});
