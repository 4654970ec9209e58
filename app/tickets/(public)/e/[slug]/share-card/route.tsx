// The share card (og:image) for an event without a cover image: title, date and venue on the brand colour.
import { ImageResponse } from "next/og";
import { getPublicEvent } from "@/lib/events/get-public-event";
import { formatEventTime } from "@/lib/events/format-event-time";

export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  const event = await getPublicEvent((await context.params).slug);
  if (!event) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "#2e1065",
        color: "#ffffff",
      }}
    >
      <div style={{ display: "flex", fontSize: 32, opacity: 0.85 }}>{`${event.organizer.name} presents`}</div>
      <div style={{ display: "flex", fontSize: 76, fontWeight: 700, lineHeight: 1.1 }}>{event.title}</div>
      <div style={{ display: "flex", flexDirection: "column", fontSize: 34 }}>
        <span>{formatEventTime(event.startsAt, event.timezone)}</span>
        <span>
          {event.venueName}, {event.city}
        </span>
        <span style={{ marginTop: 24, fontSize: 28, opacity: 0.85 }}>Tickets on Stagedoor</span>
      </div>
    </div>,
    { width: 1200, height: 630, headers: { "cache-control": "public, max-age=300" } },
  );
}
