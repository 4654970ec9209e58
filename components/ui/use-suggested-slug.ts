"use client";

import { useState } from "react";

/**
 * A slug that follows its title as the title is typed (through `suggest`), until the slug itself is
 * edited; typed slugs are lower-cased.
 */
export function useSuggestedSlug<K extends string, V extends Record<K, string> & { slug: string }>(
  setValues: React.Dispatch<React.SetStateAction<V>>,
  titleKey: K,
  suggest: (title: string) => string,
  follow = true,
) {
  const [slugEdited, setSlugEdited] = useState(!follow);
  return {
    onTitleChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const title = e.target.value;
      setValues((v) => ({ ...v, [titleKey]: title, slug: slugEdited ? v.slug : suggest(title) }));
    },
    onSlugChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setSlugEdited(true);
      const slug = e.target.value.toLowerCase();
      setValues((v) => ({ ...v, slug }));
    },
  };
}
