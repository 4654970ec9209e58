// Turns a Prisma.sql fragment into SQL text with its values written as literals, for the one place that
// cannot take bind parameters: the DO block of takeHolds (lock, check and insert in one round trip). Only
// values that need no escaping are accepted (ids, ISO times, numbers, booleans, null, arrays of those), so a
// value can never end a literal or the block's dollar quote; anything else is a programming error.
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

const SAFE_STRING = /^[A-Za-z0-9_.:+\- ]*$/;

export function isInlineSafeString(value: string): boolean {
  return SAFE_STRING.test(value);
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("inlineSql: non-finite number");
    return String(value);
  }
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (typeof value === "string") {
    if (!isInlineSafeString(value)) throw new Error("inlineSql: string value needs escaping");
    return `'${value}'`;
  }
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(", ")}]`;
  throw new Error(`inlineSql: unsupported value of type ${typeof value}`);
}

export function inlineSql(sql: Prisma.Sql): string {
  const { strings, values } = sql;
  let text = strings[0] ?? "";
  for (let i = 0; i < values.length; i += 1) text += literal(values[i]) + (strings[i + 1] ?? "");
  return text;
}
