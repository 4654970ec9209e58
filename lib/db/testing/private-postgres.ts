// Test helper: a PostgreSQL server of the test's own (initdb in a temporary folder, pg_ctl on a free port),
// so a test can restart or stop it without touching the shared one. Run as the `postgres` user when the
// test runs as root (CI), as PostgreSQL refuses to run as root. Null when no server binaries are installed.
import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface PrivatePostgres {
  url: string;
  /** pg_ctl restart -m fast: every connection is cut, the server is back when this resolves. */
  restart(): Promise<void>;
  stop(): void;
}

/** The newest PostgreSQL server binaries folder (Debian layout), or null when none is installed. */
export function findPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? path.join(root, newest, "bin") : null;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export async function startPrivatePostgres(bin: string): Promise<PrivatePostgres> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "stagedoor-pg-"));
  if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), -1);
  const port = await freePort();
  const shell = (args: string[]): [string, string[]] => {
    const command = [path.join(bin, args[0] ?? ""), ...args.slice(1)].map(quote).join(" ");
    return asRoot ? ["su", ["postgres", "-s", "/bin/sh", "-c", command]] : ["/bin/sh", ["-c", command]];
  };
  const run = (args: string[]) => {
    const [file, argv] = shell(args);
    execFileSync(file, argv, { stdio: "pipe" });
  };
  /** Without blocking the event loop, so requests keep running meanwhile. */
  const runAsync = (args: string[]) =>
    new Promise<void>((resolve, reject) => {
      const [file, argv] = shell(args);
      execFile(file, argv, (error) => (error ? reject(error) : resolve()));
    });
  const data = path.join(dir, "data");
  run(["initdb", "-D", data, "-A", "trust", "-U", "postgres"]);
  const ctlArgs = (action: string, ...extra: string[]) => [
    "pg_ctl",
    "-D",
    data,
    "-l",
    path.join(dir, "log"),
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    "-w",
    ...extra,
    action,
  ];
  run(ctlArgs("start"));
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    restart: () => runAsync(ctlArgs("restart", "-m", "fast")),
    stop: () => {
      try {
        run(ctlArgs("stop", "-m", "immediate"));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
