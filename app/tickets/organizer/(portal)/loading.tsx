import { Skeleton } from "@/components/ui/skeleton";
import { ui } from "@/components/ui/styles";

/** Shown at once while a portal page loads on the server, under the portal's header and navigation. */
export default function PortalLoading() {
  return (
    <main className={ui.page}>
      <div className="h-9 w-1/2 animate-skeleton rounded bg-line" aria-hidden="true" />
      <div className={ui.card}>
        <Skeleton rows={5} label="Loading…" />
      </div>
    </main>
  );
}
