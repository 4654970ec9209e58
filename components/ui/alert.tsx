import { alertClass } from "@/components/ui/styles";

/** A message box: `error` is announced at once (role alert); `ok` and `info` politely (role status). */
export function Alert({ tone, children }: { tone: "error" | "ok" | "info"; children: React.ReactNode }) {
  return (
    <p className={alertClass(tone)} role={tone === "error" ? "alert" : "status"}>
      {children}
    </p>
  );
}
