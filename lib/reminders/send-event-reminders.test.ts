// The 24-hour reminder against a real database: one email per order however often and however many
// workers run the sweep, none for refunded orders, cancelled events, events too far out or already started.
// The concurrency cases need real parallelism and are skipped on the embedded PGlite.
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { db, type Db } from "@/lib/db";
import { queueEmail } from "@/lib/email/queue-email";
import { openCrowd, type Crowd } from "@/lib/inventory/testing/crowd";
import { orderAccessTokenFor, orderPassesUrl } from "@/lib/orders/order-access-token";
import { sendEventReminders } from "@/lib/reminders/send-event-reminders";
import { EVENT_REMINDER_TEMPLATE, sendOrderReminder } from "@/lib/reminders/send-order-reminder";
import { onEmbeddedDatabase, resetDatabase } from "@/lib/testing/db";
import {
  createEvent,
  createOrder,
  createOrganizerWithOwner,
  createTier,
  hoursFromNow,
} from "@/lib/testing/factories";

const SKIP_REASON = "needs a real PostgreSQL server (set DATABASE_URL): PGlite serializes every query";

beforeEach(resetDatabase);

/** A published Vancouver event starting `hours` from now with one tier, and `orders` paid orders. */
async function eventWithOrders(hours: number, orders = 1, status: "published" | "cancelled" = "published") {
  const { organizer } = await createOrganizerWithOwner();
  const event = await createEvent(organizer.id, {
    title: "The Night Owls",
    status,
    startsAt: hoursFromNow(hours),
    endsAt: hoursFromNow(hours + 3),
    timezone: "America/Vancouver",
  });
  const tier = await createTier(event.id);
  const created = [];
  for (let i = 0; i < orders; i++)
    created.push(await createOrder(event.id, { tierId: tier.id, quantity: 2 }));
  return { organizer, event, tier, orders: created };
}

const reminders = (where: { orderId?: string } = {}) =>
  db.emailOutbox.findMany({ where: { template: EVENT_REMINDER_TEMPLATE, ...where } });

describe("sendEventReminders", () => {
  it("reminds each paid order once, in the event's zone, with the passes link; a rerun sends nothing", async () => {
    const { orders } = await eventWithOrders(20, 3);
    expect(await sendEventReminders()).toEqual({ sent: 3, errors: [] });
    expect(await sendEventReminders()).toEqual({ sent: 0, errors: [] });

    const sent = await reminders();
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((email) => email.orderId))).toEqual(new Set(orders.map((order) => order.id)));
    const first = sent.find((email) => email.orderId === orders[0]?.id);
    expect(first?.toAddress).toBe("buyer@example.com");
    expect(first?.subject).toMatch(
      /^Reminder: The Night Owls is (today|tomorrow) at \d{1,2}:\d{2} [ap]\.m\. P[SD]T$/,
    );
    // The factory's random token hash is not a derived one: the order moves to its next link version and
    // the email carries that link, which the order now answers to.
    const order = await db.order.findUniqueOrThrow({ where: { id: orders[0]!.id } });
    const link = orderPassesUrl(order.id, orderAccessTokenFor(order.id, order.accessLinkVersion).token);
    expect(first?.text).toContain(link);
    expect(first?.text).toContain("your 2 tickets");
    const notices = await db.orderNotice.findMany();
    expect(notices).toHaveLength(3);
    expect(notices.every((notice) => notice.outboxId !== null)).toBe(true);
  });

  it("queues the send job with the email (delivery happens after commit)", async () => {
    const { orders } = await eventWithOrders(2);
    await sendEventReminders();
    const [email] = await reminders({ orderId: orders[0]!.id });
    expect(await db.job.count({ where: { singletonKey: `email.send:${email?.id}` } })).toBe(1);
  });

  it("sends nothing for refunded orders or orders whose tickets are all refunded or void", async () => {
    const { event, tier } = await eventWithOrders(10, 0);
    await createOrder(event.id, { tierId: tier.id, status: "refunded" });
    await createOrder(event.id, { tierId: tier.id, status: "partially_refunded", ticketStatus: "refunded" });
    await createOrder(event.id, { tierId: tier.id, ticketStatus: "void" });
    await createOrder(event.id, { tierId: tier.id, status: "pending" });
    expect(await sendEventReminders()).toEqual({ sent: 0, errors: [] });
    expect(await reminders()).toHaveLength(0);
  });

  it("reminds a partially refunded order of its remaining valid tickets", async () => {
    const { event, tier } = await eventWithOrders(10, 0);
    const order = await createOrder(event.id, { tierId: tier.id, status: "partially_refunded", quantity: 3 });
    const [one] = await db.ticket.findMany({ where: { orderId: order.id } });
    await db.ticket.update({ where: { id: one!.id }, data: { status: "refunded" } });
    await sendEventReminders();
    const [email] = await reminders({ orderId: order.id });
    expect(email?.text).toContain("your 2 tickets");
  });

  it("sends nothing for a cancelled event", async () => {
    await eventWithOrders(10, 2, "cancelled");
    expect(await sendEventReminders()).toEqual({ sent: 0, errors: [] });
    expect(await reminders()).toHaveLength(0);
  });

  it("waits for an event more than 24 hours away, then catches up on a later run", async () => {
    await eventWithOrders(30);
    expect(await sendEventReminders()).toEqual({ sent: 0, errors: [] });
    // 25 h before the start: still too early. The run due at 24 h is missed (worker down); the next one,
    // three hours late, makes up for it.
    expect(await sendEventReminders({ now: hoursFromNow(5) })).toEqual({ sent: 0, errors: [] });
    expect(await sendEventReminders({ now: hoursFromNow(9) })).toEqual({ sent: 1, errors: [] });
    const [email] = await reminders();
    expect(email?.subject).toMatch(/^Reminder: The Night Owls is (today|tomorrow) at /);
  });

  it("sends nothing for an event that already started", async () => {
    await eventWithOrders(-1);
    expect(await sendEventReminders()).toEqual({ sent: 0, errors: [] });
    // Even called directly for the order, the re-check under the lock refuses it.
    const order = await db.order.findFirstOrThrow();
    expect(await db.$transaction((tx) => sendOrderReminder(tx, order.id, new Date()))).toBeNull();
    expect(await reminders()).toHaveLength(0);
  });
});

describe.skipIf(onEmbeddedDatabase())(`sendEventReminders under concurrency (${SKIP_REASON})`, () => {
  let crowd: Crowd;
  beforeAll(async () => {
    crowd = await openCrowd(inject("databaseUrl"), 2, 4);
  });
  afterAll(() => crowd?.close());

  const client = (i: number) => {
    const c = crowd.clients[i];
    if (!c) throw new Error("no client");
    return c;
  };

  it("two workers sweeping at once send one reminder per order", async () => {
    const { orders } = await eventWithOrders(5, 12);
    const [a, b] = await Promise.all([
      sendEventReminders({ db: client(0) }),
      sendEventReminders({ db: client(1) }),
    ]);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(a.sent + b.sent).toBe(orders.length);
    expect(await reminders()).toHaveLength(orders.length);
  });

  it("a second transaction for the same order, started while the first is open, sends nothing", async () => {
    const { orders } = await eventWithOrders(5);
    const orderId = orders[0]!.id;
    const now = new Date();
    let claimed!: () => void;
    const firstClaimed = new Promise<void>((resolve) => (claimed = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = client(0).$transaction(async (tx) => {
      const id = await sendOrderReminder(tx, orderId, now);
      claimed();
      await held;
      return id;
    });
    // The second starts while the first holds its claim uncommitted, and waits for it; then the first commits.
    await firstClaimed;
    const second = client(1).$transaction((tx) => sendOrderReminder(tx, orderId, now));
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    const [firstId, secondId] = await Promise.all([first, second]);
    expect(firstId).not.toBeNull();
    expect(secondId).toBeNull();
    expect(await reminders()).toHaveLength(1);
  });

  it("control: a check-then-send without the claim row sends the reminder twice", async () => {
    const { orders } = await eventWithOrders(5);
    const orderId = orders[0]!.id;
    // Both transactions look for an earlier reminder before either queues one.
    let checked = 0;
    let bothChecked!: () => void;
    const barrier = new Promise<void>((resolve) => (bothChecked = resolve));
    const unguarded = async (tx: Db) => {
      const earlier = await tx.emailOutbox.count({ where: { orderId, template: EVENT_REMINDER_TEMPLATE } });
      if (++checked === 2) bothChecked();
      await barrier;
      if (earlier > 0) return;
      await queueEmail(
        {
          to: "buyer@example.com",
          template: EVENT_REMINDER_TEMPLATE,
          props: {
            buyerName: "Buyer",
            eventTitle: "The Night Owls",
            organizerName: "Org",
            when: "tomorrow at 8:00 p.m. PST",
            startsAt: "Fri, Dec 27, 2030, 8:00 p.m. PST",
            venueName: "Venue",
            address: null,
            ticketCount: 2,
            passesUrl: "https://tickets.example.com/o",
          },
          orderId,
        },
        { db: tx },
      );
    };
    await Promise.all([client(0).$transaction(unguarded), client(1).$transaction(unguarded)]);
    expect(await reminders()).toHaveLength(2);
  });
});
