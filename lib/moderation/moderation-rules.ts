// What admins and organizers send when moderating: parsed once at the edge (zod), shared by the routes and
// their forms. No database.
import { z } from "zod";

export const REASON_MAX = 1000;

/** A platform admin's reason (suspending an organizer, unpublishing an event): required, shown to the organizer. */
export const adminReasonSchema = z.object({
  reason: z
    .string({ error: "Give a reason" })
    .trim()
    .min(1, { error: "Give a reason" })
    .max(REASON_MAX, { error: `At most ${REASON_MAX} characters` }),
});

/** An organizer's "Ask for review" after editing a moderated event: what they changed. */
export const appealSchema = z.object({
  note: z
    .string({ error: "Say what you changed" })
    .trim()
    .min(1, { error: "Say what you changed" })
    .max(REASON_MAX, { error: `At most ${REASON_MAX} characters` }),
});

/** An admin's answer to an appeal: republish, or keep the event down (with a reason the organizer sees). */
export const appealDecisionSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("restore") }),
  z.object({ decision: z.literal("keep_down"), reason: adminReasonSchema.shape.reason }),
]);

export const REPORT_CATEGORIES = {
  spam: "Spam or misleading",
  fraud: "Scam or fraud",
  offensive: "Offensive or harmful",
  rights: "Uses someone else's rights (name, images, music)",
  other: "Something else",
} as const;
export type ReportCategory = keyof typeof REPORT_CATEGORIES;

/** "Report this event" from a public event page. */
export const eventReportSchema = z.object({
  category: z.enum(Object.keys(REPORT_CATEGORIES) as [ReportCategory, ...ReportCategory[]], {
    error: "Choose what is wrong",
  }),
  details: z
    .string({ error: "Tell us what is wrong" })
    .trim()
    .min(10, { error: "Tell us a little more (10 characters at least)" })
    .max(2000, { error: "At most 2000 characters" }),
  email: z
    .union([
      z.literal("").transform(() => undefined),
      z
        .email({ error: "Enter an email address like name@example.com, or leave it empty" })
        .max(254)
        .toLowerCase(),
    ])
    .optional(),
});
export type EventReportInput = z.infer<typeof eventReportSchema>;
