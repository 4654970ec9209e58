// .ci/run: fails when this Node.js or an installed package does not fit package.json `engines.node`.
import path from "node:path";
import { findEngineProblems } from "@/lib/engines/find-engine-problems";

const root = path.resolve(import.meta.dirname, "..", "..");
const problems = findEngineProblems(root, process.version);
for (const problem of problems) console.error(problem);
if (problems.length === 0)
  console.log(`Node ${process.version}: every installed package supports package.json's engines`);
process.exit(problems.length === 0 ? 0 : 1);
