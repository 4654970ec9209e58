import { describe, expect, it } from "vitest";
import { neutralizeCsvCell } from "@/lib/exports/neutralize-csv-cell";

describe("neutralizeCsvCell", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
    ["+1 555 0100", "'+1 555 0100"],
    ["-2+3", "'-2+3"],
    ["-12.50", "'-12.50"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["\n=1+1", "'\n=1+1"],
  ])("prefixes a quote to %j", (input, expected) => {
    expect(neutralizeCsvCell(input)).toBe(expected);
  });

  it.each(["Ana Lima", "ana@example.com", "Zoë O'Brien", "12.50", "a=b", "", " =1", "李小龍"])(
    "leaves %j as it is (only the first character counts)",
    (input) => {
      expect(neutralizeCsvCell(input)).toBe(input);
    },
  );
});
