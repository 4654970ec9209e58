// The design system's class recipes: every screen takes buttons, cards, badges, alerts, fields and tables from
// here (or from the components that wrap them), so a change of look is made once. Tailwind utilities over the
// tokens in app/globals.css; `cx` joins them with a screen's own layout classes.
import { clsx, type ClassValue } from "clsx";

export function cx(...values: ClassValue[]): string {
  return clsx(values);
}

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "md" | "sm";

const BUTTON_BASE =
  "inline-flex items-center justify-center gap-1.5 rounded-card font-semibold no-underline cursor-pointer " +
  "transition-colors disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:opacity-60";
const BUTTON_VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-accent text-accent-fg hover:bg-accent-ink border border-accent",
  secondary: "bg-card text-accent border border-accent hover:bg-accent-soft",
  danger: "bg-bad text-white border border-bad hover:bg-red-800",
  ghost: "bg-transparent text-accent border border-transparent hover:bg-accent-soft",
};
const BUTTON_SIZES: Record<ButtonSize, string> = {
  md: "min-h-11 px-4 py-2.5",
  sm: "min-h-9 px-3 py-1.5 text-sm",
};

/** A button's classes, for <button> and for links that look like one. */
export function buttonClass(
  { variant = "primary", size = "md" }: { variant?: ButtonVariant; size?: ButtonSize } = {},
  ...extra: ClassValue[]
): string {
  return cx(BUTTON_BASE, BUTTON_VARIANTS[variant], BUTTON_SIZES[size], extra);
}

export type Tone = "neutral" | "ok" | "warn" | "bad" | "accent";

const BADGE_TONES: Record<Tone, string> = {
  neutral: "border-line text-fg",
  ok: "border-ok text-ok",
  warn: "border-warn text-warn",
  bad: "border-bad text-bad",
  accent: "border-accent text-accent",
};

export function badgeClass(tone: Tone = "neutral", ...extra: ClassValue[]): string {
  return cx(
    "inline-flex items-center rounded-full border bg-card px-2 py-0.5 text-xs font-semibold whitespace-nowrap",
    BADGE_TONES[tone],
    extra,
  );
}

const ALERT_TONES = {
  info: "border-line bg-card text-fg",
  ok: "border-ok bg-ok-soft text-ok",
  warn: "border-warn bg-warn-soft text-warn",
  error: "border-bad bg-bad-soft text-bad",
} as const;

export function alertClass(tone: keyof typeof ALERT_TONES = "info", ...extra: ClassValue[]): string {
  return cx("rounded-card border px-4 py-3", ALERT_TONES[tone], extra);
}

/** Layout and type recipes shared by every screen. */
export const ui = {
  page: "mx-auto flex w-full max-w-5xl flex-col gap-5 px-5 py-6",
  narrowPage: "mx-auto flex w-full max-w-md flex-col gap-5 px-5 py-6",
  stack: "flex flex-col gap-4",
  row: "flex flex-wrap items-center gap-3",
  grid: "grid grid-cols-[repeat(auto-fill,minmax(260px,1fr))] gap-4",
  card: "rounded-card border border-line bg-card p-5",
  muted: "text-muted",
  small: "text-sm",
  hint: "text-sm text-muted",
  error: "text-sm text-bad",
  // A label, its control and the message under it; text controls are 44 px high (touch targets),
  // checkboxes 20 px in the accent colour.
  field:
    "flex flex-col gap-1.5 [&_label]:text-sm [&_label]:font-semibold " +
    "[&_:is(input:not([type=checkbox]):not([type=radio]),select,textarea)]:min-h-11 " +
    "[&_:is(input:not([type=checkbox]):not([type=radio]),select,textarea)]:rounded-lg " +
    "[&_:is(input:not([type=checkbox]):not([type=radio]),select,textarea)]:border " +
    "[&_:is(input:not([type=checkbox]):not([type=radio]),select,textarea)]:border-line " +
    "[&_:is(input:not([type=checkbox]):not([type=radio]),select,textarea)]:bg-white " +
    "[&_:is(input:not([type=checkbox]):not([type=radio]),select,textarea)]:px-3 " +
    "[&_:is(input:not([type=checkbox]):not([type=radio]),select,textarea)]:py-2 " +
    "[&_:is([type=checkbox],[type=radio])]:size-5 [&_:is([type=checkbox],[type=radio])]:accent-accent " +
    "[&_[aria-invalid=true]]:border-bad",
  fieldError: "text-sm text-bad",
  table:
    "w-full border-collapse text-left [&_td]:border-b [&_td]:border-line [&_td]:p-2 [&_td]:align-top " +
    "[&_th]:border-b [&_th]:border-line [&_th]:p-2 [&_th]:align-bottom [&_th]:text-sm [&_th]:font-semibold " +
    "[&_th]:whitespace-nowrap " +
    "[&_th]:text-muted",
} as const;
