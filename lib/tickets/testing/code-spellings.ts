// Other spellings of a ticket code (test-only): texts that a lenient base64 decoder reads as the code's bytes.
// None of them is the code; every one must be invalid wherever a code is read.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** The code with other values in the last character's unused low bits (89 bytes leave 2 of them). */
export function trailingBitSpellings(code: string): string[] {
  const last = ALPHABET.indexOf(code.at(-1) ?? "");
  if (last < 0) throw new Error("not base64url");
  return [1, 2, 3].map((bits) => code.slice(0, -1) + ALPHABET[last ^ bits]);
}

/** Every other spelling: trailing bits, padding, whitespace around or inside, the standard alphabet. */
export function otherSpellings(code: string): string[] {
  const standard = code.replace(/-/g, "+").replace(/_/g, "/");
  return [
    ...trailingBitSpellings(code),
    `${code}=`,
    ` ${code}`,
    `${code}\n`,
    `${code.slice(0, 60)} ${code.slice(60)}`,
    ...(standard === code ? [] : [standard]),
  ];
}
