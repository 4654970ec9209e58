import { z } from "zod";

/** Links in emails: absolute http(s) only, so a template can never carry `javascript:` or `data:` URLs. */
export const emailUrlSchema = z.url({ protocol: /^https?$/ });
