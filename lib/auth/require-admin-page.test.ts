// The admin pages' guard: 404 (notFound) for signed-out visitors and signed-in non-admins alike, never a
// redirect to the login page that would tell them the page exists.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createUserWithSession } from "@/lib/auth/testing";
import { loadEnv } from "@/lib/env";
import { resetDatabase } from "@/lib/testing/db";
import { requireAdminPage } from "./require-page";

const request = vi.hoisted(() => ({ cookie: "" }));

vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}),
}));

vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT ${url}`);
  },
}));

describe("requireAdminPage", () => {
  beforeAll(() => {
    vi.stubEnv("ADMIN_EMAILS", "admin@stagedoor.test");
    loadEnv();
  });
  beforeEach(async () => {
    await resetDatabase();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    loadEnv();
  });

  it("is notFound() signed out and for a non-admin, and gives the admin back", async () => {
    request.cookie = "";
    await expect(requireAdminPage()).rejects.toThrow("NEXT_NOT_FOUND");
    request.cookie = (await createUserWithSession("owner@example.test")).cookie;
    await expect(requireAdminPage()).rejects.toThrow("NEXT_NOT_FOUND");
    const admin = await createUserWithSession("admin@stagedoor.test");
    request.cookie = admin.cookie;
    await expect(requireAdminPage()).resolves.toMatchObject({ id: admin.userId, isAdmin: true });
  });
});
