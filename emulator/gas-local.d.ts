/** gas-local 1.3.1 ships no type declarations; this is the one function of its index.js the emulator uses. */
declare module 'gas-local' {
  /**
   * Runs every `.js` file under `folder` (recursively) in one vm context built from `globals`, as
   * Apps Script runs a project's files in one global scope, and returns that context.
   */
  export function require(folder: string, globals?: object, options?: { filter?: (file: string) => boolean }): Record<string, unknown>;
}
