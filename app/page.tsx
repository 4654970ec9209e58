import Link from "next/link";

export default function HomePage() {
  return (
    <main className="container stack">
      <h1>Stagedoor</h1>
      <p>Open-source ticketing for live-music venues and event organizers.</p>
      <p>
        <Link className="btn" href="/tickets/events">
          See upcoming events
        </Link>
      </p>
    </main>
  );
}
