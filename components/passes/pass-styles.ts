// The passes page's own recipes (Tailwind over the design tokens): the QR is drawn large and pixel-sharp for
// door scanners, and an invalid or under-review pass replaces its QR with a dashed notice in the tone's colour.
export const passStyles = {
  cover: "block max-h-70 w-full rounded-card object-cover",
  num: "text-right whitespace-nowrap",
  total: "text-[1.05rem] [&>*]:border-b-0",
  passes: "grid grid-cols-[repeat(auto-fill,minmax(280px,1fr))] gap-4",
  pass: "flex flex-col items-center gap-1.5 rounded-card border border-line bg-card p-4 text-center",
  invalid: "border-bad bg-bad-soft [&_[data-qr-placeholder]]:text-bad",
  review: "border-warn bg-warn-soft [&_[data-qr-placeholder]]:text-warn",
  qr: "aspect-square h-auto w-[min(72vw,260px)] bg-white [image-rendering:pixelated]",
  qrPlaceholder:
    "flex aspect-square w-[min(72vw,260px)] items-center justify-center rounded-card border-2 border-dashed " +
    "border-current p-4 text-lg font-bold",
  code: "font-mono text-lg font-bold tracking-[0.12em]",
  status: "flex items-center gap-3",
  spinner:
    "size-5 flex-none animate-spin rounded-full border-3 border-line border-t-accent motion-reduce:animate-none",
} as const;
