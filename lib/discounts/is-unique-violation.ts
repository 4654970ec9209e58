/** Prisma's unique-constraint error (P2002), e.g. two creates of one code at once. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
