import { describe, expect, it } from "vitest";
import { countCsvRecords } from "@/lib/exports/count-csv-records";

const FILE = new TextEncoder().encode(
  'name,note\r\nAna,"one\r\ntwo"\r\n"Zoë ""Zo"", Jr.",plain\r\n"a\nb","x,y"\r\n李小龍,\r\n',
);

function count(chunks: Uint8Array[]): number {
  const counter = countCsvRecords();
  for (const chunk of chunks) counter.push(chunk);
  return counter.records;
}

describe("countCsvRecords", () => {
  it("counts the record ends outside quotes, not a CRLF or LF inside a quoted field", () => {
    expect(count([FILE])).toBe(5);
  });

  it("counts the same however the file is cut in two, a CRLF split between the chunks included", () => {
    const crlfAt = FILE.indexOf(0x0d);
    expect(FILE[crlfAt + 1]).toBe(0x0a);
    // Control: the cut right between the CR and the LF of the header's end is one of those tried.
    expect(count([FILE.subarray(0, crlfAt + 1), FILE.subarray(crlfAt + 1)])).toBe(5);
    for (let cut = 0; cut <= FILE.length; cut++) {
      expect(count([FILE.subarray(0, cut), FILE.subarray(cut)]), `cut at ${cut}`).toBe(5);
    }
  });

  it("counts the same when every byte is a chunk of its own", () => {
    expect(count(Array.from(FILE, (byte) => Uint8Array.of(byte)))).toBe(5);
  });
});
