import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, fromZodError, parseInput, toProblem } from "@/lib/errors";

describe("AppError → problem+json", () => {
  it("maps each code to its HTTP status", () => {
    expect(new AppError("validation", "x").status).toBe(422);
    expect(new AppError("not_found", "x").status).toBe(404);
    expect(new AppError("conflict", "x").status).toBe(409);
    expect(new AppError("sold_out", "x").status).toBe(409);
    expect(new AppError("rate_limited", "x").status).toBe(429);
    expect(new AppError("internal", "x").status).toBe(500);
  });

  it("names every bad field from a zod error", () => {
    const schema = z.object({ email: z.email(), quantity: z.number().int().positive() });
    const result = schema.safeParse({ email: "nope", quantity: -1 });
    if (result.success) throw new Error("expected failure");
    const problem = toProblem(fromZodError(result.error));
    expect(problem.status).toBe(422);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(["email", "quantity"]);
    expect(problem.type).toBe("https://stagedoor.dev/problems/validation");
  });

  it("parseInput returns the parsed value or throws a 422", () => {
    const schema = z.object({ n: z.coerce.number() });
    expect(parseInput(schema, { n: "3" })).toEqual({ n: 3 });
    expect(() => parseInput(schema, { n: "x" })).toThrowError(AppError);
  });
});
