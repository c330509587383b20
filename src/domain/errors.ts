/**
 * The message of something thrown. Errors thrown by Google's services need not be instances of
 * this realm's Error (the bundle and the services live in different realms), so the message is
 * read off any object that has one.
 */
export function errorMessage(err: unknown): string {
  return err !== null && typeof err === 'object' && typeof (err as Error).message === 'string' ? (err as Error).message : String(err);
}
