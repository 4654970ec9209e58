import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { ui } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Sign-in problem" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Auth.js redirects here on failure, e.g. ?error=Verification for a used or expired link. */
export default async function SignInErrorPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).error;
  const error = (Array.isArray(raw) ? raw[0] : raw) ?? "Default";
  return (
    <main className={ui.narrowPage}>
      <h1>{error === "Verification" ? "This link can’t be used" : "Sign-in problem"}</h1>
      <LoginForm errorCode={error} />
    </main>
  );
}
