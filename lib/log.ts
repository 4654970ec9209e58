// Structured JSON logs. Every line carries an `event` named `tickets.<area>.<what>`.
import pino from "pino";
import { env } from "@/lib/env";

export const log = pino({
  level: env.LOG_LEVEL,
  base: { service: "stagedoor" },
  redact: {
    paths: ["*.password", "*.token", "*.secret", "*.apiKey", "*.authorization", "*.cookie", "*.url"],
    censor: "[redacted]",
  },
  timestamp: pino.stdTimeFunctions.isoTime,
});
