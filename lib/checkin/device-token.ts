// Device and provisioning tokens: 32 random bytes, base64url; only their sha256 is stored.
import "server-only";
import { createHash, randomBytes } from "node:crypto";

export function generateToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
