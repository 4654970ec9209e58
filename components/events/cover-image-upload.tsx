"use client";

import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { uploadImageFile } from "@/components/events/upload-image";
import { ApiError } from "@/components/ui/api-client";
import { cx, ui } from "@/components/ui/styles";

/** "Cover image": uploads as soon as a file is chosen (PNG, JPEG, WebP or GIF up to 5 MB). */
export function CoverImageUpload({
  eventId,
  coverImageUrl,
  disabled,
  onUploaded,
}: {
  eventId: string;
  coverImageUrl: string | null;
  disabled?: boolean;
  onUploaded: (url: string) => void;
}) {
  return (
    <ImageUpload
      label="Cover image"
      kind="event-cover"
      eventId={eventId}
      currentUrl={coverImageUrl}
      disabled={disabled}
      onUploaded={onUploaded}
    />
  );
}

/** An image field that uploads as soon as a file is chosen: event covers and organizer logos. */
export function ImageUpload({
  label,
  kind,
  eventId,
  currentUrl,
  disabled,
  onUploaded,
}: {
  label: string;
  kind: "event-cover" | "organizer-logo";
  eventId?: string;
  currentUrl: string | null;
  disabled?: boolean;
  onUploaded: (url: string) => void;
}) {
  const id = useId();
  const mutation = useMutation({
    mutationFn: (file: File) => uploadImageFile({ file, kind, eventId }),
    onSuccess: ({ url }) => onUploaded(url),
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const message = error
    ? error.fieldErrors.file
      ? `${label} ${error.fieldErrors.file}`
      : error.problem.detail
    : null;

  return (
    <section className={cx(ui.card, ui.stack)}>
      {currentUrl ? (
        // Uploaded images live on our own route or the bucket's CDN; no Next image optimisation needed.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={currentUrl}
          alt={`Current ${label.toLowerCase()}`}
          className="max-h-60 max-w-full rounded-lg object-cover"
        />
      ) : null}
      <div className={ui.field}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          disabled={disabled || mutation.isPending}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) mutation.mutate(file);
            e.target.value = "";
          }}
        />
        {mutation.isPending ? (
          <p className={ui.hint} role="status">
            Uploading…
          </p>
        ) : null}
        {mutation.isSuccess ? (
          <p className={ui.small} role="status">
            {label} updated.
          </p>
        ) : null}
        {message ? (
          <p id={`${id}-error`} className={ui.fieldError}>
            {message}
          </p>
        ) : mutation.isError ? (
          <p className={ui.fieldError}>Could not upload the image. Check your connection and try again.</p>
        ) : (
          <p className={ui.hint}>PNG, JPEG, WebP or GIF, up to 5 MB.</p>
        )}
      </div>
    </section>
  );
}
