"use client";

import { useRouter } from "next/navigation";
import { ImageUpload } from "@/components/events/cover-image-upload";

/** The organizer's logo (shown in confirmation emails); refreshes the page once stored. */
export function OrganizerLogoUpload({ logoUrl }: { logoUrl: string | null }) {
  const router = useRouter();
  return (
    <ImageUpload
      label="Logo"
      kind="organizer-logo"
      currentUrl={logoUrl}
      onUploaded={() => router.refresh()}
    />
  );
}
