// Node module hook for standalone processes (the worker, scripts): `server-only` is a marker that throws
// outside React Server Components; outside Next.js there is no such split, so resolve it to nothing.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
      export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
        return next(specifier, context);
      }`),
  import.meta.url,
);
