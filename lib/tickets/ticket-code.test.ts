// A code has exactly one spelling: the codec reads only the canonical base64url of a code's bytes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { otherSpellings, trailingBitSpellings } from "@/lib/tickets/testing/code-spellings";
import {
  CODE_LENGTH,
  CODE_TEXT_LENGTH,
  decodeTicketCode,
  fromBase64Url,
  TICKET_CODE_VERSION,
  toBase64Url,
} from "@/lib/tickets/ticket-code";

const codeBytes = fc
  .uint8Array({ minLength: CODE_LENGTH, maxLength: CODE_LENGTH })
  .map((bytes) => Uint8Array.of(TICKET_CODE_VERSION, ...bytes.subarray(1)));

describe("ticket code text", () => {
  it("decodes the canonical text of any code's bytes back to those bytes", () => {
    fc.assert(
      fc.property(codeBytes, (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toHaveLength(CODE_TEXT_LENGTH);
        expect(decodeTicketCode(text)?.bytes).toEqual(bytes);
      }),
    );
  });

  it("reads no other spelling of a code: trailing bits, padding, whitespace, the standard alphabet", () => {
    fc.assert(
      fc.property(codeBytes, (bytes) => {
        const text = toBase64Url(bytes);
        for (const other of otherSpellings(text)) {
          expect(decodeTicketCode(other), JSON.stringify(other.slice(-3))).toBeNull();
        }
      }),
    );
  });

  it("base64url: decodes the canonical text of any bytes, and no other spelling of it", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(fromBase64Url(text)).toEqual(bytes);
        const others = [`${text}=`, ` ${text}`, `${text}\n`, `${text.slice(0, 1)} ${text.slice(1)}`];
        // Bytes that do not fill the last group leave unused low bits in the last character.
        if (bytes.length % 3 !== 0) others.push(...trailingBitSpellings(text));
        for (const other of others) expect(fromBase64Url(other)).toBeNull();
      }),
    );
  });
});
