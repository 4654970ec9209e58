"use client";
// Registers the check-in service worker (workbox-window) and offers a reload when a new version waits.
import { useEffect, useState } from "react";
import type { Workbox } from "workbox-window";

export function ServiceWorkerUpdate() {
  const [wb, setWb] = useState<Workbox | null>(null);
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    let cancelled = false;
    (async () => {
      const { Workbox } = await import("workbox-window");
      if (cancelled) return;
      const instance = new Workbox("/sw.js", { scope: "/tickets/checkin" });
      instance.addEventListener("waiting", () => setWaiting(true));
      instance.register().catch(() => undefined);
      setWb(instance);
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  if (!waiting || !wb) return null;
  return (
    <div className="ci-update" role="status">
      <span>A new version is ready</span>
      <button
        type="button"
        className="ci-button"
        onClick={() => {
          wb.addEventListener("controlling", () => window.location.reload());
          wb.messageSkipWaiting();
        }}
      >
        Reload
      </button>
    </div>
  );
}
