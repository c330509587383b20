/** Issue 3: printable paper N1 and QR poster. PLACEHOLDER until implemented. */
export function paperFormsAction(): string {
  throw new Error('not implemented yet: paperFormsAction');
}
