import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { buildApplePass } from "@/lib/wallet/build-apple-pass";
import { createTestAppleWallet, walletTicketFixture } from "@/lib/wallet/testing";

const wallet = createTestAppleWallet();
const work = mkdtempSync(path.join(tmpdir(), "pkpass-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `openssl cms -verify` of the detached signature over `manifest` against the stand-in WWDR CA. */
function signatureVerifies(signature: Uint8Array, manifest: Uint8Array): boolean {
  const files = { signature: path.join(work, "signature"), manifest: path.join(work, "manifest.json") };
  const ca = path.join(work, "ca.pem");
  writeFileSync(files.signature, signature);
  writeFileSync(files.manifest, manifest);
  writeFileSync(ca, wallet.caPem);
  try {
    execFileSync(
      "openssl",
      [
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        files.signature,
        "-content",
        files.manifest,
      ].concat(["-CAfile", ca, "-purpose", "any", "-out", "/dev/null"]),
      { stdio: "pipe" },
    );
    return true;
  } catch {
    return false;
  }
}

describe("buildApplePass", () => {
  const ticket = walletTicketFixture();
  const files = unzipSync(new Uint8Array(buildApplePass(ticket, wallet.config)));
  const passJson = JSON.parse(Buffer.from(files["pass.json"]!).toString("utf8"));

  it("carries the ticket code as a QR barcode, the event, venue, time and holder", () => {
    expect(passJson).toMatchObject({
      formatVersion: 1,
      passTypeIdentifier: "pass.dev.stagedoor.test",
      teamIdentifier: "TEAM123456",
      serialNumber: ticket.ticketId,
      organizationName: "Fox Cabaret",
      barcodes: [{ format: "PKBarcodeFormatQR", message: ticket.code, altText: "0000ABCD" }],
      relevantDates: [{ startDate: "2026-12-12T04:00:00.000Z", endDate: "2026-12-12T08:00:00.000Z" }],
      locations: [{ latitude: 49.2635, longitude: -123.1007 }],
    });
    const fields = [
      ...passJson.eventTicket.headerFields,
      ...passJson.eventTicket.primaryFields,
      ...passJson.eventTicket.secondaryFields,
      ...passJson.eventTicket.auxiliaryFields,
    ].map((field: { value: string }) => field.value);
    expect(fields).toEqual(
      expect.arrayContaining([
        "Late Show",
        "Fox Cabaret",
        "Zoë Ngô",
        "General admission",
        ticket.event.startsAtLocal,
      ]),
    );
  });

  it("lists every file in the manifest with its SHA-1", () => {
    const manifest = JSON.parse(Buffer.from(files["manifest.json"]!).toString("utf8"));
    const listed = Object.keys(files).filter((name) => name !== "manifest.json" && name !== "signature");
    expect(Object.keys(manifest).sort()).toEqual(listed.sort());
    expect(listed).toEqual(expect.arrayContaining(["pass.json", "icon.png", "icon@2x.png"]));
    for (const name of listed) {
      expect(manifest[name]).toBe(createHash("sha1").update(files[name]!).digest("hex"));
    }
  });

  it("signs the manifest with the pass certificate, which the WWDR stand-in verifies", () => {
    expect(signatureVerifies(files["signature"]!, files["manifest.json"]!)).toBe(true);
    const tampered = Buffer.from(files["manifest.json"]!)
      .toString("utf8")
      .replace(/[0-9a-f]{40}/, "0".repeat(40));
    expect(signatureVerifies(files["signature"]!, Buffer.from(tampered))).toBe(false);
  });

  it("leaves locations out without a map pin and keeps the relevance interval within 24 hours", () => {
    const festival = walletTicketFixture({
      event: {
        ...ticket.event,
        latitude: null,
        longitude: null,
        endsAt: new Date("2026-12-15T08:00:00Z"),
      },
    });
    const unzipped = unzipSync(new Uint8Array(buildApplePass(festival, wallet.config)));
    const json = JSON.parse(Buffer.from(unzipped["pass.json"]!).toString("utf8"));
    expect(json.locations ?? []).toEqual([]);
    expect(json.relevantDates).toEqual([
      { startDate: "2026-12-12T04:00:00.000Z", endDate: "2026-12-13T04:00:00.000Z" },
    ]);
  });
});
