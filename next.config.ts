import type { NextConfig } from "next";
import { devOriginHosts } from "./lib/env";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `next dev` serves its live-reload socket to localhost only unless told otherwise.
  allowedDevOrigins: devOriginHosts(),
  // Loaded from node_modules at run time rather than bundled: native-ish or worker-thread packages.
  serverExternalPackages: [
    "pino",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@prisma/schema-engine-wasm",
  ],
  // The build's static files too; pages and API answers get the rest from proxy.ts (lib/http/security-headers).
  async headers() {
    return [{ source: "/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default nextConfig;
