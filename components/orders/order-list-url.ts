// The orders page keeps its search, filters and page in the URL (a GET form, no JavaScript needed): these
// read the values back for the form and build the links that keep them.
export const ORDER_LIST_PARAMS = ["q", "status", "eventId", "tierId", "from", "to", "limit"] as const;

export type OrderListFormValues = Partial<Record<(typeof ORDER_LIST_PARAMS)[number], string>>;

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The form's values as sent (blank ones left out), without the cursor. */
export function orderListFormValues(searchParams: SearchParams): OrderListFormValues {
  const values: OrderListFormValues = {};
  for (const name of ORDER_LIST_PARAMS) {
    const value = first(searchParams[name])?.trim();
    if (value) values[name] = value;
  }
  return values;
}

/** Everything the page query parses: the form's values and the cursor. */
export function orderListQueryInput(searchParams: SearchParams): Record<string, string> {
  const cursor = first(searchParams.cursor)?.trim();
  return { ...orderListFormValues(searchParams), ...(cursor ? { cursor } : {}) };
}

/** The orders page with these values, at `cursor` (the first page without one). */
export function orderListHref(values: OrderListFormValues, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const name of ORDER_LIST_PARAMS) {
    const value = values[name];
    if (value) params.set(name, value);
  }
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return `/tickets/organizer/orders${query ? `?${query}` : ""}`;
}
