"use client";

import * as RadixTabs from "@radix-ui/react-tabs";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { cx } from "@/components/ui/styles";

export interface TabDefinition {
  id: string;
  label: string;
  content: React.ReactNode;
}

/**
 * Sections of a long form or page as tabs (Radix: arrow keys move between tabs, each panel labelled by its
 * tab). The open tab is kept in the URL (`?tab=`), so reloading or sharing the link opens the same one; the
 * other panels stay mounted (hidden), so switching tabs never loses what was typed in a form.
 */
export function Tabs({
  tabs,
  label,
  param = "tab",
}: {
  tabs: TabDefinition[];
  label: string;
  param?: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const requested = searchParams.get(param);
  const active = tabs.some((tab) => tab.id === requested) ? requested! : tabs[0]!.id;
  function select(id: string) {
    const next = new URLSearchParams(searchParams);
    if (id === tabs[0]!.id) next.delete(param);
    else next.set(param, id);
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }
  return (
    <RadixTabs.Root value={active} onValueChange={select} className="flex flex-col gap-4">
      <RadixTabs.List
        aria-label={label}
        className="-mx-5 flex gap-1 overflow-x-auto border-b border-line px-5 sm:mx-0 sm:px-0"
      >
        {tabs.map((tab) => (
          <RadixTabs.Trigger
            key={tab.id}
            value={tab.id}
            className={cx(
              "min-h-11 shrink-0 cursor-pointer border-b-2 border-transparent px-3 font-semibold whitespace-nowrap",
              "text-muted hover:text-fg data-[state=active]:border-accent data-[state=active]:text-accent",
            )}
          >
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => (
        <RadixTabs.Content
          key={tab.id}
          value={tab.id}
          forceMount
          className="flex flex-col gap-4 data-[state=inactive]:hidden"
        >
          {tab.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
