import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EventExports, exportHref } from "@/components/events/event-exports";

describe("EventExports", () => {
  it("links the four exports of the event, without a BOM until Excel is ticked", () => {
    const html = renderToStaticMarkup(<EventExports eventId="ev 1" />);
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
    expect(hrefs).toEqual(
      ["orders", "attendees", "emails", "scans"].map(
        (kind) => `/api/tickets/events/ev%201/export.csv?kind=${kind}`,
      ),
    );
    expect(html).toContain("Excel (BOM)");
    expect(html).toContain("Marketing consent is not collected yet");
  });

  it("adds bom=1 when asked", () => {
    expect(exportHref("e1", "attendees", true)).toBe(
      "/api/tickets/events/e1/export.csv?kind=attendees&bom=1",
    );
  });
});
