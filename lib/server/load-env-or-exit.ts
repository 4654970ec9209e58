import { EnvError, loadEnv, type Env } from "@/lib/env";

/**
 * Validates the environment at start-up; a bad or missing variable stops the process with the message that
 * names it (exit code 1) instead of a server that answers 500s.
 */
export function loadEnvOrExit(): Env {
  try {
    return loadEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
