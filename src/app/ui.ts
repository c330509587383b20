/**
 * Menu actions: the use case runs; the person who clicked sees a Georgian message, the log gets
 * the English details. Nothing is thrown at the user.
 */
export function runMenuAction(name: string, action: () => string): void {
  let message: string;
  try {
    message = action();
    console.info(`${name}: done`);
  } catch (err) {
    const detail = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
    console.error(`${name} failed: ${detail}`);
    // Georgian for the person; Google's English wording stays in the execution log.
    message = 'შეცდომა: მოქმედება ვერ შესრულდა. სცადეთ ხელახლა; თუ შეცდომა განმეორდება, მიმართეთ IT სამსახურს (დეტალები: Apps Script ▸ შესრულებები / Executions).';
  }
  SpreadsheetApp.getUi().alert(message);
}
