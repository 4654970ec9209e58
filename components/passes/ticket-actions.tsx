"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { apiFetch, problemText, serverFieldErrors } from "@/components/ui/api-client";
import { Dialog, DialogCancel } from "@/components/ui/dialog";
import { Field, fieldAria } from "@/components/ui/field";
import { buttonClass, cx, ui } from "@/components/ui/styles";
import { HOLDER_NAME_MAX } from "@/lib/tickets/holder-name";

interface TicketActionsProps {
  orderId: string;
  ticketId: string;
  holderName: string | null;
  /** The order's link or the transfer's link that opened the ticket. */
  token: string;
  canTransfer: boolean;
  canRename: boolean;
  /** After a change: refetch what the page shows. */
  onChanged: () => void;
}

/**
 * Under a valid pass, until the event starts: change the holder's name (PATCH …/tickets/:ticketId) and send
 * the ticket to someone else (POST …/tickets/:ticketId/transfer). The server decides; its messages are shown.
 */
export function TicketActions(props: TicketActionsProps) {
  const [done, setDone] = useState<string | null>(null);
  if (!props.canTransfer && !props.canRename) return null;
  return (
    <div className={cx(ui.stack, "w-full items-center")}>
      {done ? <Alert tone="ok">{done}</Alert> : null}
      <div className={cx(ui.row, "justify-center")}>
        {props.canRename ? <RenameHolder {...props} /> : null}
        {props.canTransfer ? (
          <TransferTicket
            {...props}
            onTransferred={(name) => setDone(`Sent to ${name}. We emailed them their ticket.`)}
          />
        ) : null}
      </div>
    </div>
  );
}

function ticketPath({ orderId, ticketId, token }: TicketActionsProps, suffix = ""): string {
  const base = `/api/tickets/orders/${encodeURIComponent(orderId)}/tickets/${encodeURIComponent(ticketId)}`;
  return `${base}${suffix}?token=${encodeURIComponent(token)}`;
}

function RenameHolder(props: TicketActionsProps) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(props.holderName ?? "");
  const id = `holder-${props.ticketId}`;
  const rename = useMutation({
    mutationFn: () => apiFetch(ticketPath(props), { method: "PATCH", body: { holderName: name } }),
    onSuccess: () => {
      setOpen(false);
      props.onChanged();
    },
  });
  const error = serverFieldErrors(rename.error, { holderName: "holderName" }).holderName;
  return (
    <TicketDialog
      title="Name on this ticket"
      description="The name door staff see when they scan it. You can change it until the event starts."
      triggerLabel="Change name"
      open={open}
      onOpenChange={setOpen}
      mutation={rename}
      showError={!error}
      errorFallback="Could not save the name. Please try again."
      submitLabel="Save name"
      pendingLabel="Saving…"
    >
      <Field id={id} label="Holder name" error={error}>
        <input
          {...fieldAria(id, error)}
          autoComplete="name"
          maxLength={HOLDER_NAME_MAX}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
      </Field>
    </TicketDialog>
  );
}

function TransferTicket(props: TicketActionsProps & { onTransferred: (name: string) => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const transfer = useMutation({
    mutationFn: () =>
      apiFetch<{ recipientName: string }>(ticketPath(props, "/transfer"), { body: { name, email } }),
    onSuccess: (result) => {
      setOpen(false);
      props.onTransferred(result.recipientName);
      props.onChanged();
    },
  });
  const errors = serverFieldErrors(transfer.error, { name: "name", email: "email" });
  const nameId = `transfer-name-${props.ticketId}`;
  const emailId = `transfer-email-${props.ticketId}`;
  return (
    <TicketDialog
      title="Send this ticket to someone"
      description="They get their own pass by email with a new QR code. This ticket's code stops working at once, and you cannot undo it."
      triggerLabel="Send to a friend"
      open={open}
      onOpenChange={setOpen}
      mutation={transfer}
      showError={!errors.name && !errors.email}
      errorFallback="Could not send the ticket. Please try again."
      submitLabel="Send ticket"
      pendingLabel="Sending…"
    >
      <Field id={nameId} label="Their name" error={errors.name}>
        <input
          {...fieldAria(nameId, errors.name)}
          maxLength={HOLDER_NAME_MAX}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
      </Field>
      <Field id={emailId} label="Their email" error={errors.email}>
        <input
          {...fieldAria(emailId, errors.email)}
          type="email"
          inputMode="email"
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
      </Field>
    </TicketDialog>
  );
}

interface TicketDialogProps {
  title: string;
  description: string;
  triggerLabel: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  mutation: { mutate: () => void; isPending: boolean; isError: boolean; error: unknown };
  /** False when the server's error is already shown beside a field. */
  showError: boolean;
  errorFallback: string;
  submitLabel: string;
  pendingLabel: string;
  children: ReactNode;
}

/** The dialog both actions open: their fields, the server's other error, submit and cancel. */
function TicketDialog(props: TicketDialogProps) {
  const { mutation } = props;
  return (
    <Dialog
      title={props.title}
      description={props.description}
      open={props.open}
      onOpenChange={props.onOpenChange}
      trigger={
        <button type="button" className={buttonClass({ variant: "secondary", size: "sm" })}>
          {props.triggerLabel}
        </button>
      }
    >
      <form
        className={ui.stack}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate();
        }}
      >
        {props.children}
        {mutation.isError && props.showError ? (
          <Alert tone="error">{problemText(mutation.error, props.errorFallback)}</Alert>
        ) : null}
        <div className={ui.row}>
          <button type="submit" className={buttonClass()} disabled={mutation.isPending}>
            {mutation.isPending ? props.pendingLabel : props.submitLabel}
          </button>
          <DialogCancel />
        </div>
      </form>
    </Dialog>
  );
}
