"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { buttonClass, cx, ui } from "@/components/ui/styles";

export interface MenuLink {
  href: string;
  label: string;
}

/** On phones the header's links fold into one "Menu" button, so the header stays one line at 320 px. */
export function SiteMenu({ links, className }: { links: readonly MenuLink[]; className?: string }) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className={buttonClass({ variant: "secondary", size: "sm" }, className)}>
        Menu
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className={cx(ui.card, "z-50 flex min-w-48 flex-col gap-1 p-2 shadow-lg")}
        >
          {links.map((link) => (
            <DropdownMenu.Item key={link.href} asChild>
              <Link
                href={link.href}
                className="rounded-lg px-3 py-2.5 text-fg no-underline outline-none data-[highlighted]:bg-accent-soft"
              >
                {link.label}
              </Link>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
