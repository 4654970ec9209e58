"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface PortalNavItem {
  href: string;
  label: string;
}

export function PortalNav({ items }: { items: PortalNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="nav small" aria-label="Organizer">
      {items.map((item) => {
        const active =
          item.href === "/tickets/organizer" ? pathname === item.href : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            style={active ? { fontWeight: 700 } : undefined}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
