// RFC 4180 text of an export's rows: a field holding a comma, a quote, CR or LF is quoted with its quotes
// doubled, anything else is written as it is; every record ends with CRLF. The same bytes as csv-stringify
// with `record_delimiter: "windows", quoted_match: /[\r\n]/` (lib/exports/format-csv-rows.test.ts compares
// them), at a fraction of the cost: csv-stringify was two thirds of the attendees export's CPU in Node.

const NEEDS_QUOTES = /[",\r\n]/;

/** The rows as CSV records, each ended by CRLF ("" for no rows). */
export function formatCsvRows(rows: readonly (readonly string[])[]): string {
  let text = "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const field = row[i]!;
      if (i > 0) text += ",";
      text += NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
    }
    text += "\r\n";
  }
  return text;
}
