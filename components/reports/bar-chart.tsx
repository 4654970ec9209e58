import { useId } from "react";
import { cx, ui } from "@/components/ui/styles";

export interface ChartBucket {
  /** Short axis label ("12 Dec", "20:00"). */
  label: string;
  /** Full label for the table and tooltips ("Fri 12 Dec 2026, 20:00 PST"). */
  fullLabel: string;
  value: number;
}

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 12, right: 8, bottom: 24, left: 8 };

/**
 * An accessible SVG bar chart: the SVG is one image named by its title and a summary (total, highest
 * bucket), and a visually hidden table under it carries every number for screen readers. Each bar has a
 * tooltip (<title>). At most a dozen axis labels are drawn, evenly spaced.
 */
export function BarChart({
  title,
  buckets,
  format,
  tone = "accent",
}: {
  title: string;
  buckets: readonly ChartBucket[];
  format: (value: number) => string;
  tone?: "accent" | "bad";
}) {
  const id = useId();
  const max = Math.max(0, ...buckets.map((b) => b.value));
  const total = buckets.reduce((sum, b) => sum + b.value, 0);
  const peak = buckets.find((b) => b.value === max && max > 0);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = buckets.length > 0 ? plotWidth / buckets.length : plotWidth;
  const barWidth = Math.max(1, slot * 0.75);
  const labelEvery = Math.max(1, Math.ceil(buckets.length / 12));
  const summary =
    buckets.length === 0
      ? "No data in this range."
      : `Total ${format(total)} over ${buckets.length} periods${peak ? `; highest ${format(max)} (${peak.fullLabel})` : ""}.`;

  return (
    <figure className={cx(ui.card, "flex flex-col gap-2")}>
      <figcaption className="font-semibold">
        {title} <span className={cx(ui.hint, "font-normal")}>· {format(total)}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="h-auto w-full"
        preserveAspectRatio="none"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
          className="stroke-line"
        />
        {buckets.map((bucket, index) => {
          const height = max > 0 ? (bucket.value / max) * plotHeight : 0;
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          return (
            <g key={bucket.fullLabel}>
              <rect
                x={x}
                y={HEIGHT - PAD.bottom - height}
                width={barWidth}
                height={height}
                className={tone === "bad" ? "fill-bad" : "fill-accent"}
              >
                <title>{`${bucket.fullLabel}: ${format(bucket.value)}`}</title>
              </rect>
              {index % labelEvery === 0 ? (
                <text
                  x={PAD.left + index * slot + slot / 2}
                  y={HEIGHT - 6}
                  textAnchor="middle"
                  className="fill-muted text-[11px]"
                >
                  {bucket.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">{title}</th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((bucket) => (
            <tr key={bucket.fullLabel}>
              <th scope="row">{bucket.fullLabel}</th>
              <td>{format(bucket.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
