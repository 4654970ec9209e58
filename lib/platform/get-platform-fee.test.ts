import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPlatformFee, PLATFORM_FEE_SETTING } from "@/lib/platform/get-platform-fee";
import { resetDatabase } from "@/lib/testing/db";

describe("getPlatformFee", () => {
  beforeEach(resetDatabase);

  it("uses the env defaults, scaled to the currency's minor units", async () => {
    expect(await getPlatformFee("cad")).toEqual({
      fixedMinor: 99,
      percentBps: 250,
      minMinor: 0,
      maxMinor: 2000,
    });
    expect(await getPlatformFee("jpy")).toEqual({
      fixedMinor: 1,
      percentBps: 250,
      minMinor: 0,
      maxMinor: 20,
    });
  });

  it("prefers a valid admin setting and ignores an invalid one", async () => {
    await db.platformSetting.create({
      data: {
        key: PLATFORM_FEE_SETTING,
        value: { fixedMinor: 50, percentBps: 100, minMinor: 10, maxMinor: 500 },
      },
    });
    expect(await getPlatformFee("usd")).toEqual({
      fixedMinor: 50,
      percentBps: 100,
      minMinor: 10,
      maxMinor: 500,
    });
    await db.platformSetting.update({
      where: { key: PLATFORM_FEE_SETTING },
      data: { value: { percentBps: -3 } },
    });
    expect((await getPlatformFee("usd")).fixedMinor).toBe(99);
  });
});
