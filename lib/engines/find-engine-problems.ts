// The Node.js versions package.json `engines.node` states must be ones this process runs on and ones every
// installed package supports (its own `engines.node` covers the whole stated range): otherwise the README
// promises a version that `npm install` warns about or a package refuses. Checked by .ci/run.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";

/** Installed packages whose stated range is narrower than ours, with the reason that is harmless. */
export const ENGINE_EXCEPTIONS: Record<string, string> = {
  "@prisma/streams-local":
    "needs Node 22, but only `prisma dev` (Prisma's local database server) loads it, and Stagedoor never runs that",
};

interface LockFile {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
}

export function findEngineProblems(root: string, nodeVersion: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    engines?: { node?: string };
  };
  const stated = manifest.engines?.node;
  if (!stated || !semver.validRange(stated)) return ['package.json has no valid "engines.node"'];
  const problems: string[] = [];
  if (!semver.satisfies(nodeVersion, stated)) {
    problems.push(`Node ${nodeVersion} is not one package.json supports (${stated})`);
  }
  const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as LockFile;
  for (const [location, entry] of Object.entries(lock.packages)) {
    const needs = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
    // Only what is installed here: optional packages for other platforms are in the lock file too.
    if (!location || !needs || !existsSync(path.join(root, location))) continue;
    const name = location.slice(location.lastIndexOf("node_modules/") + "node_modules/".length);
    if (name in ENGINE_EXCEPTIONS) continue;
    if (!semver.validRange(needs) || !semver.subset(stated, needs)) {
      problems.push(`${name}@${entry.version ?? "?"} supports Node ${needs}, not all of ${stated}`);
    }
  }
  return problems;
}
