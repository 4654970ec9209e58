// CSV injection ("formula injection"): a spreadsheet opening a CSV runs a cell that starts with = + - @ (or
// tab / CR / LF, which some programs skip before reading one of those) as a formula, e.g. `=HYPERLINK(…)` in a
// buyer's name. Every cell of text that someone outside the organizer's team typed (names, emails, tier and
// device names, codes) goes through here; the neutralised cell starts with a single quote, which spreadsheets
// show as text. Money and counts are never user text and are written by our own formatters (a refund of
// "-12.50" must stay a number), so they are not passed through it: see lib/exports/export-rows.ts.

const FORMULA_START = /^[=+\-@\t\r\n]/;

/** `value` prefixed with `'` when it starts with = + - @ tab, CR or LF; anything else unchanged. */
export function neutralizeCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
