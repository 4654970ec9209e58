import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email" };

/** Where Auth.js sends the browser after its own sign-in form; our form shows the same message inline. */
export default function CheckEmailPage() {
  return (
    <main className="container narrow stack">
      <div className="card stack" role="status">
        <h1>Check your email</h1>
        <p>If the address is right, a sign-in link is on its way. It works once and expires in 15 minutes.</p>
        <p className="small muted">
          Nothing there? Check your spam folder, or <Link href="/tickets/login">ask for a new link</Link>.
        </p>
      </div>
    </main>
  );
}
