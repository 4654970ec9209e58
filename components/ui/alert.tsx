/**
 * A message box: `error` is announced at once (role alert); `ok` and `info` politely (role status).
 * The class names are the ones the stylesheet and tests rely on: "alert error", "alert ok", "alert".
 */
export function Alert({ tone, children }: { tone: "error" | "ok" | "info"; children: React.ReactNode }) {
  return tone === "error" ? (
    <p className="alert error" role="alert">
      {children}
    </p>
  ) : (
    <p className={tone === "ok" ? "alert ok" : "alert"} role="status">
      {children}
    </p>
  );
}
