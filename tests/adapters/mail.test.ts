import { isPermanentMailError, isQuotaError } from '../../src/adapters/mail';

describe('mail errors', () => {
  test("Google's errors are told apart", () => {
    expect(isQuotaError('Service invoked too many times for one day: email.')).toBe(true);
    expect(isQuotaError('Service unavailable: Gmail')).toBe(false);
    expect(isPermanentMailError('Invalid email: x@')).toBe(true);
    expect(isPermanentMailError("We're sorry, a server error occurred.")).toBe(false);
  });
});
