/** Issue 7: the discussion meeting agenda. PLACEHOLDER until implemented. */
export function prepareMeetingAction(): string {
  throw new Error('not implemented yet: prepareMeetingAction');
}
