import type { Metadata, Viewport } from "next";
import "@/components/checkin/checkin.css";

// The door scanner is a standalone app: its own manifest and colours, and no site header (hidden by the
// stylesheet, since app/tickets/layout.tsx wraps every /tickets page). That layout's test-mode band stays.
export const metadata: Metadata = {
  title: "Check-in",
  manifest: "/checkin.webmanifest",
  appleWebApp: { capable: true, title: "Stagedoor check-in", statusBarStyle: "black-translucent" },
  icons: { icon: "/checkin-icons/icon-192.png", apple: "/checkin-icons/icon-192.png" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
  themeColor: "#17151a",
};

export default function CheckinLayout({ children }: { children: React.ReactNode }) {
  return <div className="ci-root">{children}</div>;
}
