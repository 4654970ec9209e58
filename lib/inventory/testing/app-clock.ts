// Two app servers whose clocks disagree, in one test process: this one's Date runs `offsetMs` off the
// machine's (and so off the database's, which runs on the same machine). Timers are left real.
import { vi } from "vitest";

export async function withAppClockOff<T>(offsetMs: number, run: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(Date.now() + offsetMs);
  try {
    return await run();
  } finally {
    vi.useRealTimers();
  }
}
