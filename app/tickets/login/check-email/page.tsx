import type { Metadata } from "next";
import Link from "next/link";
import { cx, ui } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Check your email" };

/** Where Auth.js sends the browser after its own sign-in form; our form shows the same message inline. */
export default function CheckEmailPage() {
  return (
    <main className={ui.narrowPage}>
      <div className={cx(ui.card, ui.stack)} role="status">
        <h1>Check your email</h1>
        <p>If the address is right, a sign-in link is on its way. It works once and expires in 15 minutes.</p>
        <p className={ui.hint}>
          Nothing there? Check your spam folder, or <Link href="/tickets/login">ask for a new link</Link>.
        </p>
      </div>
    </main>
  );
}
