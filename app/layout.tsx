import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stagedoor", template: "%s · Stagedoor" },
  description: "Tickets for live music, straight from the venue.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#6d28d9" };

/**
 * Rendered per request, every page: Next.js puts the request's CSP nonce (proxy.ts) on its scripts only when
 * it renders, so a page prerendered at build time would have its scripts blocked.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
