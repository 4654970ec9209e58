import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "lib/db/generated/**",
      ".data/**",
      "public/sw.js",
      "public/workbox-*.js",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  {
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read environment variables through lib/env.ts." },
      ],
    },
  },
  {
    files: [
      "lib/env.ts",
      "lib/server/**",
      "instrumentation.ts",
      "prisma.config.ts",
      "lib/testing/**",
      "e2e/**",
      "**/*.test.ts",
      "**/*.test.tsx",
      "bench/**",
      "vitest.config.ts",
      // Compares the built client files with the raw values the build ran with, not the app's config.
      "lib/cli/check-bundle-secrets.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
