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

const oneLine = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .transform((v) => v.replace(/\s+/g, " "));

export const organizerInvitePropsSchema = z.object({
  url: emailUrlSchema,
  organizerName: oneLine,
  role: z.enum(["owner", "manager", "scanner"]),
  inviterEmail: z.email(),
});

export type OrganizerInviteProps = z.infer<typeof organizerInvitePropsSchema>;

const ROLE_DESCRIPTION: Record<OrganizerInviteProps["role"], string> = {
  owner: "an owner: full control, including payouts and the team",
  manager: "a manager: events, orders and refunds",
  scanner: "a scanner: checking tickets at the door",
};

export const organizerInviteSubject = (p: OrganizerInviteProps): string =>
  `You're invited to join ${p.organizerName} on Stagedoor`;

export function OrganizerInviteEmail({
  url,
  organizerName,
  role,
  inviterEmail,
  testModeNotice,
}: OrganizerInviteProps & EmailFrameProps) {
  return (
    <EmailLayout preview={`Join ${organizerName} on Stagedoor`} testModeNotice={testModeNotice}>
      <EmailHeading>{`Join ${organizerName} on Stagedoor`}</EmailHeading>
      <EmailText>{`${inviterEmail} invited you to help run ${organizerName} as ${ROLE_DESCRIPTION[role]}.`}</EmailText>
      <EmailButton href={url}>Accept the invitation</EmailButton>
      <EmailText muted>Or paste this link into your browser:</EmailText>
      <EmailLinkAsText href={url} />
      <EmailText muted>If you were not expecting this invitation, you can ignore this email.</EmailText>
    </EmailLayout>
  );
}
