import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { isSafeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { ui } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const rawCallback = first(params.callbackUrl);
  const callbackUrl = rawCallback && isSafeCallbackPath(rawCallback) ? rawCallback : undefined;
  const error = first(params.error);
  if (!error && (await getCurrentUser())) redirect(callbackUrl ?? "/tickets/account");
  return (
    <main className={ui.narrowPage}>
      <h1>Sign in</h1>
      <p className={ui.muted}>Organizers and ticket buyers sign in with a link sent by email.</p>
      <LoginForm callbackUrl={callbackUrl} errorCode={error} />
      <p className={ui.hint}>
        Lost your tickets? <Link href="/tickets/find">Find my tickets</Link> without signing in: we email you
        the links.
      </p>
    </main>
  );
}
