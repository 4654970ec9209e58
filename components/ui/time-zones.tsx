"use client";

import { useSyncExternalStore } from "react";

// The browser's zone and zone list: read on the client only, so server and client render the same HTML.
const SERVER_ZONES: string[] = [];
let zoneList: string[] | undefined;
const noSubscribe = () => () => {};
const getBrowserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const getZoneList = () => (zoneList ??= Intl.supportedValuesOf("timeZone"));

/** The browser's time zone; null on the server. */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(noSubscribe, getBrowserZone, () => null);
}

/** Every time zone the browser knows, with `selected` first when the browser does not list it. */
export function useTimeZoneOptions(selected: string): string[] {
  const zones = useSyncExternalStore(noSubscribe, getZoneList, () => SERVER_ZONES);
  return zones.includes(selected) ? zones : [selected, ...zones];
}

/** A zone as a person reads it: "America/St_Johns" → "America/St Johns". */
export function zoneLabel(zone: string): string {
  return zone.replace(/_/g, " ");
}

/** A time-zone picker over every zone the browser knows; `listed` (default: `value`) is always an option. */
export function TimeZoneSelect({
  value,
  listed = value,
  onChange,
  ...props
}: {
  value: string;
  listed?: string;
  onChange: (zone: string) => void;
} & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange" | "children">) {
  const zones = useTimeZoneOptions(listed);
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} {...props}>
      {zones.map((z) => (
        <option key={z} value={z}>
          {zoneLabel(z)}
        </option>
      ))}
    </select>
  );
}
