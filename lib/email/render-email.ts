// Renders a template to the three strings the outbox stores. Pure apart from React rendering.
import { createElement } from "react";
import type { z } from "zod";
import { render } from "@react-email/render";
import { fromZodError } from "@/lib/errors";
import {
  emailTemplates,
  type EmailTemplate,
  type EmailTemplateName,
  type EmailTemplateProps,
} from "@/lib/email/templates";
import type { EmailFrameProps } from "@/lib/email/templates/layout";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Validates the props (422 AppError naming the field), then renders subject, HTML and plain text. `frame`
 * carries what the shared layout shows beside the template (queueEmail passes the test-mode line).
 */
export async function renderEmail<T extends EmailTemplateName>(
  template: T,
  props: EmailTemplateProps<T>,
  frame: EmailFrameProps = { testModeNotice: null },
): Promise<RenderedEmail> {
  // The registry is keyed by name; TypeScript cannot correlate `T` with the entry, so widen once here.
  const entry = emailTemplates[template] as unknown as EmailTemplate<z.ZodType<object>> | undefined;
  if (!entry) throw new Error(`unknown email template "${String(template)}"`);
  const parsed = entry.schema.safeParse(props);
  if (!parsed.success) throw fromZodError(parsed.error);
  const element = createElement(entry.component, { ...parsed.data, ...frame });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  // A subject is a header: never let user-entered text carry a line break into it.
  const subject = entry
    .subject(parsed.data)
    .replace(/[\r\n]+/g, " ")
    .trim();
  return { subject, html, text };
}
