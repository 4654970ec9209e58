import { cx } from "@/components/ui/styles";

/** Grey bars where content is loading; announced once as `label` to screen readers. */
export function Skeleton({ rows = 3, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-2">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, index) => (
        <div
          key={index}
          aria-hidden="true"
          className={cx("h-5 animate-skeleton rounded bg-line", index === rows - 1 ? "w-2/3" : "w-full")}
        />
      ))}
    </div>
  );
}
