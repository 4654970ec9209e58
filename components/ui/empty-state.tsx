import { cx, ui } from "@/components/ui/styles";

/** What a list shows when it has nothing: a title, a line saying why or what to do, and an optional action. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <div className={cx(ui.card, "flex flex-col items-start gap-2 border-dashed")}>
      <p className="font-semibold">{title}</p>
      {children ? <div className={ui.hint}>{children}</div> : null}
      {action}
    </div>
  );
}
