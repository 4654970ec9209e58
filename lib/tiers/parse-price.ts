// Major-unit amounts as people type them ("25", "25.5", "$1,250.00") → integer minor units, exactly: the
// decimal string is parsed digit by digit, never through a float. Pure: used by the forms and their tests.
import { getCurrencyDigits } from "@/lib/money/currencies";

export type ParseAmountResult = { ok: true; value: number } | { ok: false; message: string };

/** The largest price we accept, in minor units (fits a PostgreSQL integer with room to spare). */
export const MAX_PRICE_MINOR = 100_000_000;

// An optional currency prefix as formatMoney writes it ("CA$", "US$", "JP¥", "€", "CHF ") or a code after.
const PREFIX = /^(?:[A-Za-z]{1,3}[$€£¥]|[A-Za-z]{3}\s|[$€£¥])?\s*/;
const SUFFIX = /\s*(?:[A-Za-z]{3}|%)$/;
const PLAIN = /^(\d*)(?:\.(\d*))?$/;
const GROUPED = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d*))?$/;

/**
 * Parses a non-negative decimal with at most `digits` decimals into an integer scaled by 10^digits
 * ("12.5" with 2 digits → 1250). Thousands separators are accepted only where they belong ("1,250.00").
 */
export function parseDecimalToInteger(
  input: string,
  digits: number,
  options: { max?: number; unitName?: string } = {},
): ParseAmountResult {
  const text = input.trim();
  if (text === "") return { ok: false, message: "is required" };
  if (/^-/.test(text) || /^-/.test(text.replace(PREFIX, ""))) {
    return { ok: false, message: "must be zero or more" };
  }
  const core = text.replace(PREFIX, "").replace(SUFFIX, "");
  const match = PLAIN.exec(core) ?? GROUPED.exec(core);
  const whole = (match?.[1] ?? "").replace(/,/g, "");
  const fraction = match?.[2] ?? "";
  if (!match || (whole === "" && fraction === "")) {
    return { ok: false, message: "must be a number like 25.00 (use a dot for decimals)" };
  }
  if (fraction.length > digits) {
    const unit = options.unitName ? ` for ${options.unitName}` : "";
    return {
      ok: false,
      message:
        digits === 0
          ? `must be a whole number${unit} (no decimals)`
          : `can have at most ${digits} decimal place${digits === 1 ? "" : "s"}${unit}`,
    };
  }
  const scaled = BigInt(whole || "0") * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  const max = BigInt(options.max ?? Number.MAX_SAFE_INTEGER);
  if (scaled > max) return { ok: false, message: "is too large" };
  return { ok: true, value: Number(scaled) };
}

/** A price typed in major units of `currency` ("25.00" CAD → 2500; "2500" JPY → 2500). */
export function parsePriceToMinor(input: string, currency: string): ParseAmountResult {
  const code = currency.toLowerCase();
  return parseDecimalToInteger(input, getCurrencyDigits(code), {
    max: MAX_PRICE_MINOR,
    unitName: code.toUpperCase(),
  });
}

/** Minor units as the plain decimal a person would type back (2500 CAD → "25.00"; 2500 JPY → "2500"). */
export function formatMinorAsMajor(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`Not a minor-unit amount: ${minor}`);
  const digits = getCurrencyDigits(currency.toLowerCase());
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** "12.5" (percent) → 1250 basis points; 0.01–100 %. */
export function parsePercentToBps(input: string): ParseAmountResult {
  const result = parseDecimalToInteger(input, 2, { max: 10_000 });
  if (!result.ok)
    return result.message === "is too large" ? { ok: false, message: "must be at most 100" } : result;
  if (result.value < 1) return { ok: false, message: "must be more than 0" };
  return result;
}

/** 1250 basis points → "12.5". */
export function formatBpsAsPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = String(bps % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return rest ? `${whole}.${rest}` : String(whole);
}
