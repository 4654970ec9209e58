"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { apiFetch, problemText } from "@/components/ui/api-client";
import { TableFrame } from "@/components/ui/table-frame";
import { badgeClass, buttonClass, cx, ui, type Tone } from "@/components/ui/styles";
import type { SelfTestReport, SelfTestStepResult } from "@/lib/self-test/self-test-view";

const STATUS: Record<SelfTestStepResult["status"], { text: string; tone: Tone }> = {
  passed: { text: "Green", tone: "ok" },
  failed: { text: "Red", tone: "bad" },
  skipped: { text: "Skipped", tone: "neutral" },
};

/** "Run self-test" and its report: each step green or red with its time, the error when red. */
export function SelfTestRunner() {
  const run = useMutation({
    mutationFn: () => apiFetch<SelfTestReport>("/api/tickets/admin/self-test", { method: "POST" }),
  });
  const report = run.data;
  return (
    <div className={ui.stack}>
      <div>
        <button type="button" className={buttonClass()} disabled={run.isPending} onClick={() => run.mutate()}>
          {run.isPending ? "Running… (up to 30 s)" : "Run self-test"}
        </button>
      </div>
      {run.isError ? (
        <Alert tone="error">{problemText(run.error, "The self-test could not start.")}</Alert>
      ) : null}
      {report ? (
        <>
          <Alert tone={report.ok ? "ok" : "error"}>
            {report.ok ? "All green" : "A step failed"} in {report.durationMs} ms.
          </Alert>
          <TableFrame label="Self-test steps">
            <table className={ui.table} aria-label="Self-test steps" data-testid="self-test-report">
              <thead>
                <tr>
                  <th>Step</th>
                  <th>Result</th>
                  <th className="text-right">Time</th>
                  <th>Detail</th>
                </tr>
              </thead>
              <tbody>
                {report.steps.map((step) => (
                  <tr key={step.key}>
                    <td>{step.label}</td>
                    <td>
                      <span className={badgeClass(STATUS[step.status].tone)}>{STATUS[step.status].text}</span>
                    </td>
                    <td className="text-right tabular-nums">
                      {step.status === "skipped" ? "—" : `${step.durationMs} ms`}
                    </td>
                    <td className={cx(ui.small, step.error ? "text-bad" : "text-muted")}>
                      {step.error ?? step.detail ?? ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        </>
      ) : null}
    </div>
  );
}
