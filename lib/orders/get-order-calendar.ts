import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { eventDisplaySelect } from "@/lib/events/event-display";
import { orderCalendarFile, type CalendarFile } from "@/lib/orders/order-calendar";
import type { OrderAccess } from "@/lib/orders/resolve-order-access";

/** The .ics file for the event of an order the caller may see (see resolveOrderAccess). */
export async function getOrderCalendar(
  access: OrderAccess,
  options: { db?: Db } = {},
): Promise<CalendarFile> {
  const client = options.db ?? defaultDb;
  const order = await client.order.findFirst({
    where: { id: access.orderId, organizerId: access.organizerId },
    select: { id: true, event: { select: calendarEventSelect } },
  });
  if (!order) throw AppError.notFound("Order not found.");
  const { organizer, ...event } = order.event;
  return orderCalendarFile(order.id, { ...event, organizerName: organizer.name });
}

export const calendarEventSelect = {
  ...eventDisplaySelect,
  summary: true,
  organizer: { select: { name: true } },
} as const;
