import { z } from "zod";

/** The parts of a Stripe event the pipeline relies on; the rest of the (verified) payload passes through. */
export const stripeEventSchema = z.looseObject({
  id: z.string().min(1).max(255),
  object: z.literal("event"),
  type: z.string().min(1).max(255),
  account: z.string().min(1).max(255).nullish(),
  livemode: z.boolean(),
  created: z.number().int(),
  data: z.looseObject({ object: z.looseObject({}) }),
});
