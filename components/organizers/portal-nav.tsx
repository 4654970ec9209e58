"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/styles";

export interface PortalNavItem {
  href: string;
  label: string;
}

export function PortalNav({ items }: { items: PortalNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Organizer" className="-mx-5 flex gap-1 overflow-x-auto px-5 text-sm sm:mx-0 sm:px-0">
      {items.map((item) => {
        const active =
          item.href === "/tickets/organizer" ? pathname === item.href : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cx(
              "shrink-0 border-b-2 px-3 py-2.5 whitespace-nowrap no-underline",
              active ? "border-accent font-bold text-accent" : "border-transparent text-fg hover:text-accent",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
