import { z } from "zod";
import {
  EmailButton,
  EmailHeading,
  EmailLayout,
  EmailLinkAsText,
  EmailText,
  type EmailFrameProps,
} from "@/lib/email/templates/layout";
import { emailUrlSchema } from "@/lib/email/templates/schemas";

export const magicLinkPropsSchema = z.object({
  url: emailUrlSchema,
  expiresInMinutes: z
    .number()
    .int()
    .positive()
    .max(7 * 24 * 60),
});

export type MagicLinkProps = z.infer<typeof magicLinkPropsSchema>;

export const magicLinkSubject = (): string => "Sign in to Stagedoor";

export function MagicLinkEmail({ url, expiresInMinutes, testModeNotice }: MagicLinkProps & EmailFrameProps) {
  const minutes = `${expiresInMinutes} minute${expiresInMinutes === 1 ? "" : "s"}`;
  return (
    <EmailLayout preview="Your sign-in link for Stagedoor" testModeNotice={testModeNotice}>
      <EmailHeading>Sign in to Stagedoor</EmailHeading>
      <EmailText>Use the button below to sign in. The link works once.</EmailText>
      <EmailButton href={url}>Sign in to Stagedoor</EmailButton>
      <EmailText muted>Or paste this link into your browser:</EmailText>
      <EmailLinkAsText href={url} />
      <EmailText muted>
        {`This link expires in ${minutes}. If you did not ask to sign in, you can safely ignore this email.`}
      </EmailText>
    </EmailLayout>
  );
}
