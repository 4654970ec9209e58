import type { Metadata } from "next";
import { OrderFilters } from "@/components/orders/order-filters";
import { OrderList } from "@/components/orders/order-list";
import { orderListFormValues, orderListQueryInput } from "@/components/orders/order-list-url";
import { ui } from "@/components/ui/styles";
import { requireOrganizerPage } from "@/lib/auth/require-page";
import { ROLES } from "@/lib/auth/roles";
import { isAppError, parseInput } from "@/lib/errors";
import { listOrderFilterOptions } from "@/lib/refunds/list-order-filter-options";
import { listOrganizerOrders } from "@/lib/refunds/list-organizer-orders";
import { orderListQuerySchema } from "@/lib/refunds/order-list-query";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Orders" };

export default async function OrganizerOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { organizer } = await requireOrganizerPage(ROLES.manage, {
    callbackUrl: "/tickets/organizer/orders",
  });
  const raw = await searchParams;
  const values = orderListFormValues(raw);
  const input = orderListQueryInput(raw);
  const options = await listOrderFilterOptions(organizer.id);
  const result = await loadPage(organizer.id, input);
  const zone = options.events.find((e) => e.id === values.eventId)?.timezone ?? options.timeZone;
  return (
    <main className={ui.page}>
      <h1>Orders</h1>
      <OrderFilters values={values} options={options} timeZone={zone} error={result.error} />
      {result.page ? (
        <OrderList page={result.page} values={values} options={options} paged={input.cursor !== undefined} />
      ) : null}
    </main>
  );
}

/** The page, or the refused field when a value is bad (a hand-edited URL, "to" before "from"): shown next to
 * the form rather than as an error page. */
async function loadPage(organizerId: string, input: Record<string, string>) {
  try {
    return {
      page: await listOrganizerOrders(organizerId, parseInput(orderListQuerySchema, input)),
      error: null,
    };
  } catch (error) {
    if (!isAppError(error) || error.code !== "validation") throw error;
    return { page: null, error: error.fields[0] ?? { field: "query", message: error.message } };
  }
}
