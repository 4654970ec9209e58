import { ui } from "@/components/ui/styles";
/** The id and ARIA wiring that ties an input to the error message a `Field` shows under it. */
export function fieldAria(id: string, error: unknown) {
  return {
    id,
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
  };
}

/** The message under an input, at the id `fieldAria` points the input's aria-describedby at. */
export function FieldError({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <p id={`${id}-error`} className={ui.fieldError}>
      {children}
    </p>
  );
}

/** A labelled form field: label, the input (children, with `id`), then a hint or, instead, the error. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  /** The full message to show, or nothing when the input is fine. */
  error?: string | null | undefined;
  children: React.ReactNode;
}) {
  return (
    <div className={ui.field}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error ? <p className={ui.hint}>{hint}</p> : null}
      {error ? <FieldError id={id}>{error}</FieldError> : null}
    </div>
  );
}
