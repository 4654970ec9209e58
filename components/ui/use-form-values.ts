"use client";

import { useState } from "react";

/** The keys of `V` whose values are plain strings (not unions of literals), i.e. free-text inputs. */
type TextKey<V> = {
  [K in keyof V]: V[K] extends string ? (string extends V[K] ? K : never) : never;
}[keyof V];

/**
 * A form's values as typed plus the messages found by checking them in the browser; changing a value
 * clears that value's message.
 */
export function useFormValues<V extends object>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [localErrors, setLocalErrors] = useState<Partial<Record<keyof V, string>>>({});

  const set = <K extends keyof V>(k: K, v: V[K]) => {
    setValues((old) => ({ ...old, [k]: v }));
    setLocalErrors((old) => {
      if (!(k in old)) return old;
      const next = { ...old };
      delete next[k];
      return next;
    });
  };

  /** `value` and `onChange` for a text, number or date input (or textarea) holding `values[k]`. */
  const bind = <K extends TextKey<V>>(k: K) => ({
    value: values[k] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(k, e.target.value as V[K]),
  });

  return { values, setValues, localErrors, setLocalErrors, set, bind };
}
