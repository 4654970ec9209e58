import { describe, expect, it } from "vitest";
import { rewriteCidReferences } from "@/lib/email/rewrite-cid-references";

const url = (i: number) => `/att/${i}`;

describe("rewriteCidReferences", () => {
  it("points each cid at its attachment's URL and leaves unknown cids alone", () => {
    const html = `<img src="cid:qr-1@stagedoor"><img src='cid:QR-2@stagedoor'><img src="cid:nope">`;
    const out = rewriteCidReferences(html, [{}, { cid: "qr-1@stagedoor" }, { cid: "qr-2@stagedoor" }], url);
    expect(out).toBe(`<img src="/att/1"><img src='/att/2'><img src="cid:nope">`);
  });

  it("returns the HTML unchanged when no attachment is inline", () => {
    const html = `<img src="cid:qr">`;
    expect(rewriteCidReferences(html, [{ cid: undefined }], url)).toBe(html);
  });
});
