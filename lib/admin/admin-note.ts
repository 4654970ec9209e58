// The note every platform-admin override carries (why the rules were bent): required, audited. Pure.
import { z } from "zod";

export const MAX_ADMIN_NOTE = 1000;

export const adminNoteSchema = z
  .string({ error: "is required: say why you override" })
  .trim()
  .min(1, { error: "is required: say why you override" })
  .max(MAX_ADMIN_NOTE, { error: `must be at most ${MAX_ADMIN_NOTE} characters` });
