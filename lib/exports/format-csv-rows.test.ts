import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { formatCsvRows } from "@/lib/exports/format-csv-rows";

/** What the exports wrote before: csv-stringify with their options. */
const reference = (rows: string[][]) =>
  stringify(rows, { record_delimiter: "windows", quoted_match: /[\r\n]/ });

describe("formatCsvRows", () => {
  it("quotes the fields with a comma, quote, CR or LF, doubling quotes, and ends records with CRLF", () => {
    const rows = [
      ["plain", "", 'Zoë "Zo" O\'Brien, Jr.', "a,b"],
      ["one\r\ntwo", "bare\nLF", "bare\rCR", '"'],
      ["李小龍", "'=SUM(A1)", " spaced ", "x"],
    ];
    const text = formatCsvRows(rows);
    expect(text).toBe(
      'plain,,"Zoë ""Zo"" O\'Brien, Jr.","a,b"\r\n' +
        '"one\r\ntwo","bare\nLF","bare\rCR",""""\r\n' +
        "李小龍,'=SUM(A1), spaced ,x\r\n",
    );
    expect(text).toBe(reference(rows));
  });

  it("writes nothing for no rows, and a lone empty field as an empty record", () => {
    expect(formatCsvRows([])).toBe("");
    expect(formatCsvRows([[""]])).toBe(reference([[""]]));
  });

  it("writes the same bytes as csv-stringify for random fields of the characters that matter", () => {
    const alphabet = ["a", "Z", " ", ",", '"', "\r", "\n", "\t", "'", "=", "é", "李", ";"];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const rows = Array.from({ length: 500 }, () =>
      Array.from({ length: 1 + random(5) }, () =>
        Array.from({ length: random(6) }, () => alphabet[random(alphabet.length)]).join(""),
      ),
    );
    expect(formatCsvRows(rows)).toBe(reference(rows));
  });
});
