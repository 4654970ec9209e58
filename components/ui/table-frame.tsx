/**
 * A table's frame: on a narrow screen the table scrolls sideways inside it instead of widening the page. The
 * frame is focusable and named after its table, so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableFrame({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded-card border border-line bg-card focus-visible:outline-2 focus-visible:outline-accent"
    >
      {children}
    </div>
  );
}
