import { describe, expect, it } from "vitest";
import { describeUnitPrice } from "@/lib/events/describe-unit-price";

const unit = { totalMinor: 2393, discountMinor: 500, feeMinor: 143, taxMinor: 250, taxes: [] };

describe("describeUnitPrice", () => {
  it("names every part of one ticket's price, the discount included", () => {
    expect(
      describeUnitPrice(
        2500,
        {
          ...unit,
          taxes: [
            { name: "GST", amountMinor: 100 },
            { name: "PST", amountMinor: 150 },
          ],
        },
        "cad",
      ),
    ).toBe("$25.00 ticket − $5.00 discount + $1.43 fee + $1.00 GST + $1.50 PST");
  });

  it("is null for a price that is the ticket alone", () => {
    expect(
      describeUnitPrice(
        2500,
        { totalMinor: 2500, discountMinor: 0, feeMinor: 0, taxMinor: 0, taxes: [] },
        "usd",
      ),
    ).toBeNull();
  });
});
