import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalTimeZone,
  currencySchema,
  isValidSlug,
  slugSchema,
  suggestSlug,
  SUPPORTED_CURRENCIES,
  timeZoneSchema,
} from "@/lib/organizers/organizer-rules";

describe("slugs", () => {
  it("accepts lower-case a-z0-9 words joined by single hyphens, 3–60 long", () => {
    for (const ok of ["abc", "the-loft", "venue-2024", "a".repeat(60)]) expect(isValidSlug(ok)).toBe(true);
    for (const bad of [
      "ab",
      "a".repeat(61),
      "-loft",
      "loft-",
      "the--loft",
      "the_loft",
      "the loft",
      "Loft",
      "café",
      "new",
      "admin",
    ]) {
      expect(isValidSlug(bad), bad).toBe(false);
    }
  });

  it("the schema lower-cases and trims before checking", () => {
    expect(slugSchema.parse("  The-Loft ")).toBe("the-loft");
    expect(slugSchema.safeParse("the loft").success).toBe(false);
  });

  it("suggests slugs from names", () => {
    expect(suggestSlug("Café Quiñones & Co.")).toBe("cafe-quinones-co");
    expect(suggestSlug("  The   Loft!! ")).toBe("the-loft");
    expect(suggestSlug("日本")).toBe("");
  });

  it("every suggestion of 3+ characters is a valid slug (unless reserved)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (name) => {
        const slug = suggestSlug(name);
        expect(slug.length).toBeLessThanOrEqual(60);
        if (slug.length >= 3) expect(/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)).toBe(true);
      }),
    );
  });
});

describe("currencies", () => {
  it("accepts the supported list in any case, stored lower case", () => {
    expect(currencySchema.parse("CAD")).toBe("cad");
    for (const c of SUPPORTED_CURRENCIES) expect(currencySchema.parse(c)).toBe(c);
  });

  it("refuses unknown or unsupported codes", () => {
    for (const bad of ["xxx", "btc", "ca", "", "usdd"])
      expect(currencySchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe("time zones", () => {
  it("accepts IANA names and canonicalises their case", () => {
    expect(canonicalTimeZone("America/Vancouver")).toBe("America/Vancouver");
    expect(canonicalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(timeZoneSchema.parse("UTC")).toBe("UTC");
  });

  it("refuses unknown zones, offsets and junk", () => {
    for (const bad of ["Mars/Olympus_Mons", "+05:00", "-0800", "", " ", "America/", "../etc/passwd"]) {
      expect(canonicalTimeZone(bad), bad).toBeNull();
      expect(timeZoneSchema.safeParse(bad).success).toBe(false);
    }
  });

  it("accepts every zone the runtime lists", () => {
    for (const zone of Intl.supportedValuesOf("timeZone"))
      expect(canonicalTimeZone(zone), zone).not.toBeNull();
  });
});
