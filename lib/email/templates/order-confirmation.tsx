// Sent when an order is paid: event details with the time zone, what was paid (fee and each tax by name),
// one inline QR image per pass (`cid:qr-<ticketId>`), and the link to the passes page. Images are CID
// attachments added by lib/orders/queue-order-confirmation.ts: nothing is fetched from the web.
import type { CSSProperties } from "react";
import { Column, Img, Row, Section, Text } from "@react-email/components";
import { z } from "zod";
import { formatMoney } from "@/lib/money/format-money";
import { orderReference, taxLineLabel } from "@/lib/orders/order-summary";
import {
  EmailButton,
  EmailHeading,
  EmailLayout,
  EmailLinkAsText,
  EmailText,
  type EmailFrameProps,
} from "@/lib/email/templates/layout";
import { emailUrlSchema, oneLineSchema as oneLine } from "@/lib/email/templates/schemas";

const cidSchema = z
  .string()
  .regex(/^[\w.@+-]+$/, "may only contain letters, digits and . @ + - _")
  .max(255);
const minor = z.number().int();
const nonNegativeMinor = minor.min(0);

export const orderConfirmationPropsSchema = z.object({
  orderId: z.string().trim().min(1).max(64),
  buyerName: oneLine(200),
  passesUrl: emailUrlSchema,
  currency: z.string().regex(/^[A-Za-z]{3}$/, "must be a 3-letter currency code"),
  event: z.object({
    title: oneLine(200),
    organizerName: oneLine(200),
    /** Formatted in the event's time zone, e.g. "Sat, Dec 27, 2026, 8:00 PM PST". */
    startsAtLocal: oneLine(100),
    endsAtLocal: oneLine(100),
    /** IANA name, e.g. America/Vancouver. */
    timezone: oneLine(64),
    venueName: oneLine(200),
    address: z.string().trim().max(400).nullish(),
  }),
  /** CIDs of inline images attached to the message, when there are any. */
  logoCid: cidSchema.nullish(),
  coverCid: cidSchema.nullish(),
  lines: z
    .array(
      z.object({
        tierName: oneLine(200),
        quantity: z.number().int().positive(),
        unitPriceMinor: nonNegativeMinor,
        discountMinor: nonNegativeMinor,
        feeMinor: nonNegativeMinor,
        taxMinor: nonNegativeMinor,
        totalMinor: nonNegativeMinor,
      }),
    )
    .min(1)
    .max(100),
  taxLines: z
    .array(
      z.object({
        name: oneLine(60),
        rateBps: z.number().int().min(0).max(10_000).nullable(),
        inclusive: z.boolean(),
        amountMinor: nonNegativeMinor,
      }),
    )
    .max(20),
  totals: z.object({
    subtotalMinor: nonNegativeMinor,
    discountMinor: nonNegativeMinor,
    feeMinor: nonNegativeMinor,
    taxMinor: nonNegativeMinor,
    totalMinor: nonNegativeMinor,
  }),
  passes: z
    .array(
      z.object({
        ticketId: z.string().trim().min(1).max(64),
        shortCode: oneLine(16),
        tierName: oneLine(200),
        holderName: z.string().trim().max(200).nullish(),
        /** Absent when the message had no room for this pass's image: the passes page shows it. */
        qrCid: cidSchema.nullish(),
      }),
    )
    .min(1)
    .max(500),
  calendarAttached: z.boolean().default(true),
  /** The organizer attaches the tickets as a PDF (one page each) for printing. */
  pdfAttached: z.boolean().default(false),
});

export type OrderConfirmationProps = z.infer<typeof orderConfirmationPropsSchema>;

export const orderConfirmationSubject = (p: OrderConfirmationProps): string =>
  `Your tickets for ${p.event.title}`;

const colors = { muted: "#6b6670", line: "#e4e0e6", accent: "#6d28d9" };
const styles = {
  section: { margin: "0 0 20px" },
  subheading: { fontSize: "17px", lineHeight: "24px", fontWeight: 700, margin: "0 0 8px" },
  detail: { fontSize: "15px", lineHeight: "22px", margin: "0" },
  muted: { fontSize: "14px", lineHeight: "20px", color: colors.muted, margin: "0" },
  cell: { fontSize: "15px", lineHeight: "22px", padding: "4px 0", verticalAlign: "top" },
  amount: {
    fontSize: "15px",
    lineHeight: "22px",
    padding: "4px 0",
    textAlign: "right",
    whiteSpace: "nowrap",
  },
  totalCell: { fontSize: "16px", lineHeight: "24px", fontWeight: 700, padding: "8px 0 0" },
  totalAmount: {
    fontSize: "16px",
    lineHeight: "24px",
    fontWeight: 700,
    padding: "8px 0 0",
    textAlign: "right",
    whiteSpace: "nowrap",
  },
  pass: {
    border: `1px solid ${colors.line}`,
    borderRadius: "10px",
    padding: "16px",
    margin: "0 0 12px",
    textAlign: "center",
  },
  code: { fontFamily: "ui-monospace, Menlo, Consolas, monospace", fontSize: "16px", letterSpacing: "2px" },
} satisfies Record<string, CSSProperties>;

export function OrderConfirmationEmail(props: OrderConfirmationProps & EmailFrameProps) {
  const { event, currency, totals } = props;
  const money = (minorUnits: number) => formatMoney(minorUnits, currency);
  const count = props.passes.length;
  const ticketWord = count === 1 ? "ticket" : "tickets";
  return (
    <EmailLayout
      preview={`Your ${count} ${ticketWord} for ${event.title}, ${event.startsAtLocal}`}
      testModeNotice={props.testModeNotice}
    >
      {props.logoCid ? (
        <Img
          src={`cid:${props.logoCid}`}
          alt={`${event.organizerName} logo`}
          height="48"
          style={{ height: "48px", width: "auto", margin: "0 0 16px" }}
        />
      ) : null}
      <EmailHeading>{`Your tickets for ${event.title}`}</EmailHeading>
      <EmailText>
        {`Hi ${props.buyerName}, thanks for your order. You have ${count} ${ticketWord}: show ${count === 1 ? "its QR code" : "the QR codes"} at the door, on your phone or printed.`}
      </EmailText>
      {props.coverCid ? (
        <Img
          src={`cid:${props.coverCid}`}
          alt={event.title}
          width="510"
          style={{
            width: "100%",
            maxWidth: "510px",
            height: "auto",
            borderRadius: "8px",
            margin: "0 0 16px",
          }}
        />
      ) : null}

      <Section style={styles.section}>
        <Text style={styles.subheading}>{event.title}</Text>
        <Text style={styles.detail}>{`${event.organizerName} presents`}</Text>
        <Text style={styles.detail}>{`Starts: ${event.startsAtLocal}`}</Text>
        <Text style={styles.detail}>{`Ends: ${event.endsAtLocal}`}</Text>
        <Text style={styles.muted}>{`Times are in the event's time zone (${event.timezone}).`}</Text>
        <Text style={styles.detail}>{`Venue: ${event.venueName}`}</Text>
        {event.address ? <Text style={styles.detail}>{event.address}</Text> : null}
      </Section>

      <EmailButton href={props.passesUrl}>View your passes</EmailButton>
      <EmailText muted>
        Your passes are always at this link (keep it private: it opens your tickets):
      </EmailText>
      <EmailLinkAsText href={props.passesUrl} />

      <Section style={styles.section}>
        <Text style={styles.subheading}>Order summary</Text>
        {props.lines.map((line, index) => (
          <Row key={`line-${index}`}>
            <Column style={styles.cell}>
              {`${line.quantity} × ${line.tierName} at ${money(line.unitPriceMinor)}`}
            </Column>
            <Column style={styles.amount}>{money(line.unitPriceMinor * line.quantity)}</Column>
          </Row>
        ))}
        {totals.discountMinor > 0 ? (
          <Row>
            <Column style={styles.cell}>Discount</Column>
            <Column style={styles.amount}>{`−${money(totals.discountMinor)}`}</Column>
          </Row>
        ) : null}
        {totals.feeMinor > 0 ? (
          <Row>
            <Column style={styles.cell}>Service fee</Column>
            <Column style={styles.amount}>{money(totals.feeMinor)}</Column>
          </Row>
        ) : null}
        {props.taxLines.map((tax) => (
          <Row key={`tax-${tax.name}`}>
            <Column style={styles.cell}>{taxLineLabel(tax)}</Column>
            <Column style={styles.amount}>{money(tax.amountMinor)}</Column>
          </Row>
        ))}
        <Row>
          <Column style={styles.totalCell}>Total paid</Column>
          <Column style={styles.totalAmount}>{money(totals.totalMinor)}</Column>
        </Row>
      </Section>

      <Section style={styles.section}>
        <Text style={styles.subheading}>{count === 1 ? "Your pass" : "Your passes"}</Text>
        {props.passes.map((pass, index) => (
          <Section key={pass.ticketId} style={styles.pass}>
            {pass.qrCid ? (
              <Img
                src={`cid:${pass.qrCid}`}
                alt={`QR code for ticket ${pass.shortCode}`}
                width="220"
                height="220"
                style={{ margin: "0 auto 8px", display: "block" }}
              />
            ) : (
              <Text style={styles.muted}>Open your passes page to show this ticket&apos;s QR code.</Text>
            )}
            <Text style={styles.detail}>{`Ticket ${index + 1} of ${count}: ${pass.tierName}`}</Text>
            {pass.holderName ? <Text style={styles.detail}>{pass.holderName}</Text> : null}
            <Text style={styles.detail}>{event.startsAtLocal}</Text>
            <Text style={styles.muted}>
              Box office code: <span style={styles.code}>{pass.shortCode}</span>
            </Text>
          </Section>
        ))}
      </Section>

      {props.pdfAttached ? (
        <EmailText muted>Prefer paper? The attached PDF has every ticket on its own page.</EmailText>
      ) : null}
      {props.calendarAttached ? (
        <EmailText muted>The attached calendar file (.ics) adds the event to your calendar.</EmailText>
      ) : null}
      <EmailText muted>
        {`Order ${orderReference(props.orderId)}. Questions about the event? Contact ${event.organizerName}. Each QR code admits one person once; don't share it publicly.`}
      </EmailText>
    </EmailLayout>
  );
}
