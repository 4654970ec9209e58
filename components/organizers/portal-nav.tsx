"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/styles";

export interface PortalNavItem {
  href: string;
  label: string;
}

/** A portal's tabs; `root` (the overview) is active on itself only, every other tab on its sub-pages too. */
export function PortalNav({
  items,
  label = "Organizer",
  root = "/tickets/organizer",
}: {
  items: PortalNavItem[];
  label?: string;
  root?: string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mx-5 flex gap-1 overflow-x-auto px-5 text-sm sm:mx-0 sm:px-0">
      {items.map((item) => {
        const active = item.href === root ? pathname === item.href : pathname.startsWith(item.href);
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
