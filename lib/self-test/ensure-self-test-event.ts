// The platform's own hidden organizer, event, tier and scanner device the admin self-test sells through,
// created on first use. The organizer is marked selfTest (never listed, its events never shown publicly:
// lib/events/find-public-events.ts, get-public-event.ts) and has no members, so no organizer portal shows it.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { testModeStripeId } from "@/lib/payments/test-mode-stripe-id";

const DAY = 24 * 60 * 60_000;

export interface SelfTestWorld {
  organizerId: string;
  eventId: string;
  tierId: string;
  deviceId: string;
  deviceName: string;
}

/**
 * Finds or creates the self-test world and keeps its event on sale (published, a month ahead). Safe to run
 * twice at once: the caller holds the self-test claim (runSelfTest refuses concurrent runs).
 */
export async function ensureSelfTestEvent(actorUserId: string, now = new Date()): Promise<SelfTestWorld> {
  return db.$transaction(async (tx) => {
    const organizer =
      (await tx.organizer.findFirst({ where: { selfTest: true }, select: { id: true } })) ??
      (await tx.organizer.create({
        data: {
          name: "Stagedoor self-test",
          slug: `stagedoor-self-test-${randomBytes(4).toString("hex")}`,
          contactEmail: "self-test@stagedoor.invalid",
          defaultCurrency: "usd",
          timezone: "UTC",
          selfTest: true,
          stripeAccountId: testModeStripeId("acct"),
          stripeTestMode: true,
          stripeChargesEnabled: true,
          stripePayoutsEnabled: true,
          stripeDetailsSubmitted: true,
        },
        select: { id: true },
      }));
    const startsAt = new Date(now.getTime() + 30 * DAY);
    const endsAt = new Date(startsAt.getTime() + 3 * 60 * 60_000);
    const existing = await tx.event.findFirst({
      where: { organizerId: organizer.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, endsAt: true, status: true },
    });
    const event = existing
      ? existing.status !== "published" || existing.endsAt.getTime() < now.getTime() + DAY
        ? await tx.event.update({
            where: { id: existing.id },
            data: { status: "published", publishedAt: now, startsAt, endsAt, allowRefundsUntil: null },
            select: { id: true },
          })
        : existing
      : await tx.event.create({
          data: {
            organizerId: organizer.id,
            slug: `stagedoor-self-test-${randomBytes(6).toString("hex")}`,
            title: "Self-test",
            venueName: "Nowhere (self-test)",
            city: "Self-test",
            country: "US",
            timezone: "UTC",
            currency: "usd",
            startsAt,
            endsAt,
            status: "published",
            publishedAt: now,
          },
          select: { id: true },
        });
    const tier =
      (await tx.tier.findFirst({ where: { eventId: event.id }, select: { id: true } })) ??
      (await tx.tier.create({
        data: {
          eventId: event.id,
          name: "Self-test ticket",
          priceMinor: 1000,
          currency: "usd",
          capacity: 1000,
          maxPerOrder: 10,
        },
        select: { id: true },
      }));
    const device =
      (await tx.scannerDevice.findFirst({
        where: { eventId: event.id, organizerId: organizer.id, revokedAt: null },
        select: { id: true, name: true },
      })) ??
      (await tx.scannerDevice.create({
        data: {
          organizerId: organizer.id,
          eventId: event.id,
          name: "Self-test scanner",
          createdById: actorUserId,
          provisionedAt: now,
        },
        select: { id: true, name: true },
      }));
    return {
      organizerId: organizer.id,
      eventId: event.id,
      tierId: tier.id,
      deviceId: device.id,
      deviceName: device.name,
    };
  });
}
