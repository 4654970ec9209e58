"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { buttonClass, cx, ui, type ButtonVariant } from "@/components/ui/styles";

/**
 * A modal dialog (Radix: focus trapped and returned, Escape closes, the rest of the page inert). `trigger` is
 * the element that opens it; `children` the body, usually a form with its own buttons.
 */
export function Dialog({
  title,
  description,
  trigger,
  open,
  onOpenChange,
  children,
}: {
  title: string;
  description?: string;
  trigger?: React.ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  children: React.ReactNode;
}) {
  return (
    <RadixDialog.Root {...(open === undefined ? {} : { open })} {...(onOpenChange ? { onOpenChange } : {})}>
      {trigger ? <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger> : null}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <RadixDialog.Content
          className={cx(
            ui.card,
            ui.stack,
            "fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2",
            "-translate-y-1/2 overflow-y-auto shadow-xl",
          )}
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <RadixDialog.Title className="text-lg font-bold">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className={ui.hint}>{description}</RadixDialog.Description>
          ) : null}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** The dialog's "Cancel" button: closes it without doing anything. */
export function DialogCancel({ label = "Cancel" }: { label?: string }) {
  return (
    <RadixDialog.Close className={buttonClass({ variant: "secondary" })} type="button">
      {label}
    </RadixDialog.Close>
  );
}

/**
 * Asks before a destructive or irreversible action: the trigger opens a dialog naming what will happen; only
 * its confirm button runs `onConfirm`.
 */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  variant = "danger",
  trigger,
  onConfirm,
}: {
  title: string;
  description: string;
  confirmLabel: string;
  variant?: ButtonVariant;
  trigger: React.ReactNode;
  onConfirm: () => void;
}) {
  return (
    <Dialog title={title} description={description} trigger={trigger}>
      <div className={cx(ui.row, "justify-end")}>
        <DialogCancel />
        <RadixDialog.Close className={buttonClass({ variant })} type="button" onClick={onConfirm}>
          {confirmLabel}
        </RadixDialog.Close>
      </div>
    </Dialog>
  );
}
