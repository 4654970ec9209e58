import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "@/components/reports/bar-chart";

const buckets = [
  { label: "1 Nov", fullLabel: "Sun 1 Nov 2026, 00:00 PDT", value: 3 },
  { label: "2 Nov", fullLabel: "Mon 2 Nov 2026, 00:00 PST", value: 0 },
  { label: "3 Nov", fullLabel: "Tue 3 Nov 2026, 00:00 PST", value: 6 },
];

describe("BarChart", () => {
  it("is one named image with a summary, bars scaled to the highest, and a hidden table of every number", () => {
    const html = renderToStaticMarkup(
      <BarChart title="Tickets sold" buckets={buckets} format={(v) => `${v} tickets`} />,
    );
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+-title [^"]+-desc"/);
    expect(html).toContain("Total 9 tickets over 3 periods; highest 6 tickets (Tue 3 Nov 2026, 00:00 PST).");
    const heights = [...html.matchAll(/<rect[^>]* height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(3);
    expect(heights[1]).toBe(0);
    expect(heights[0]! * 2).toBeCloseTo(heights[2]!);
    const table = html.slice(html.indexOf('<table class="sr-only">'));
    for (const bucket of buckets)
      expect(table).toContain(`<th scope="row">${bucket.fullLabel}</th><td>${bucket.value} tickets</td>`);
  });

  it("says so when there is nothing to draw", () => {
    const html = renderToStaticMarkup(<BarChart title="Refunds" buckets={[]} format={String} />);
    expect(html).toContain("No data in this range.");
    expect(html).not.toContain("<rect");
  });
});
