// The frame every Stagedoor email shares: test-mode line (when no real money moves), brand header, content
// card, footer. Later templates (order confirmation with inline QR images, refunds) compose their body from
// the pieces exported here.
import type { CSSProperties, ReactNode } from "react";
import {
  Body,
  Button,
  Container,
  Head,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";

const colors = { bg: "#faf9f7", fg: "#17151a", muted: "#6b6670", line: "#e4e0e6", accent: "#6d28d9" };
const font = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

const styles = {
  body: { backgroundColor: colors.bg, color: colors.fg, fontFamily: font, margin: 0, padding: "24px 0" },
  container: { maxWidth: "560px", margin: "0 auto", padding: "0 12px" },
  header: { padding: "8px 4px 16px" },
  brand: { fontSize: "20px", fontWeight: 700, color: colors.fg, margin: 0, textDecoration: "none" },
  card: {
    backgroundColor: "#ffffff",
    border: `1px solid ${colors.line}`,
    borderRadius: "10px",
    padding: "24px",
  },
  heading: { fontSize: "22px", lineHeight: "28px", fontWeight: 700, margin: "0 0 16px" },
  paragraph: { fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" },
  muted: { fontSize: "14px", lineHeight: "20px", color: colors.muted, margin: "0 0 12px" },
  button: {
    backgroundColor: colors.accent,
    color: "#ffffff",
    borderRadius: "10px",
    fontSize: "16px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
    display: "inline-block",
  },
  link: { color: colors.accent, wordBreak: "break-all" },
  footer: { fontSize: "12px", lineHeight: "18px", color: colors.muted, margin: "0", padding: "0 4px" },
  testMode: {
    backgroundColor: "#fef3c7",
    border: "1px solid #f59e0b",
    borderRadius: "10px",
    color: "#78350f",
    fontSize: "14px",
    lineHeight: "20px",
    fontWeight: 600,
    margin: "0 0 12px",
    padding: "10px 14px",
  },
} satisfies Record<string, CSSProperties>;

/**
 * What renderEmail hands every template beside its own props, for the frame: the test-mode line
 * (testModeNotice in lib/payments/payments-mode.ts), null when payments are live.
 */
export interface EmailFrameProps {
  testModeNotice: string | null;
}

export function EmailLayout({
  preview,
  testModeNotice,
  children,
}: { preview: string; children: ReactNode } & EmailFrameProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          {testModeNotice ? <Text style={styles.testMode}>{testModeNotice}</Text> : null}
          <Section style={styles.header}>
            <Text style={styles.brand}>Stagedoor</Text>
          </Section>
          <Section style={styles.card}>{children}</Section>
          <Hr style={{ borderColor: colors.line, margin: "24px 0 12px" }} />
          <Text style={styles.footer}>
            Sent by Stagedoor, open-source ticketing. This is a transactional message about your account or
            tickets.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function EmailHeading({ children }: { children: ReactNode }) {
  return (
    <Text style={styles.heading} role="heading" aria-level={1}>
      {children}
    </Text>
  );
}

export function EmailText({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  return <Text style={muted ? styles.muted : styles.paragraph}>{children}</Text>;
}

export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 20px" }}>
      <Button href={href} style={styles.button}>
        {children}
      </Button>
    </Section>
  );
}

/** The URL written out in full, for clients that hide or break buttons. */
export function EmailLinkAsText({ href }: { href: string }) {
  return (
    <Text style={styles.muted}>
      <Link href={href} style={styles.link}>
        {href}
      </Link>
    </Text>
  );
}
