import { TestModeBanner } from "@/components/payments/test-mode-banner";
import { QueryProvider } from "@/components/ui/query-provider";
import { SiteHeader } from "@/components/ui/site-header";

export default function TicketsLayout({ children }: { children: React.ReactNode }) {
  return (
    <QueryProvider>
      <TestModeBanner />
      <SiteHeader />
      {children}
    </QueryProvider>
  );
}
