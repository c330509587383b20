/**
 * The CSV files only the coordinator opens (the call-back list, the phone survey's call lists):
 * one writer and one reader, so that what is written reads back the same. A cell that would start
 * a formula when opened in Sheets is written with a leading apostrophe, taken off again on reading.
 */

export function csvCell(value: string): string {
  // A leading =, +, - or @ would be a formula when the coordinator opens the file in Sheets.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A header line and data lines, each ending in a newline. */
export function csvText(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return `${[header.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\n')}\n`;
}

/** The rows of a CSV text (header included), quoted cells and doubled quotes read, apostrophe guards removed. */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows.map((r) => r.map((value) => (/^'[=+\-@]/.test(value) ? value.slice(1) : value)));
}
