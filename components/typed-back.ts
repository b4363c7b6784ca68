"use client";

import { useEffect, useRef, type RefObject } from "react";

/** The fields a form answer carries back: what was sent, and which of it the answer dealt with. */
export type TypedBack = { sent: FormData; dealtWith: (name: string) => boolean };

/**
 * Puts back in a form what was typed, selected and ticked when its action answered. React resets a
 * form once its action is done, so a moderator's note vanished with a refused decision, in the
 * queue deciding one item emptied the notes, reasons and ticks prepared for the others, and the
 * claim form's radios went back to the first method. The fields the answer dealt with
 * (`dealtWith`) are left as the reset made them. For forms that work only with JavaScript; a
 * server action that must also answer a plain form post gives typed values back itself
 * (lib/form-values.ts).
 */
export function useTypedBack(typed: TypedBack | undefined): RefObject<HTMLFormElement | null> {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!typed || !form.current) return;
    for (const element of Array.from(form.current.elements)) {
      if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement)) continue;
      if (!element.name || typed.dealtWith(element.name)) continue;
      if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio")) {
        element.checked = typed.sent.getAll(element.name).includes(element.value);
      } else if (!(element instanceof HTMLInputElement && ["hidden", "file", "submit", "button"].includes(element.type))) {
        const value = typed.sent.get(element.name);
        if (typeof value === "string") element.value = value;
      }
    }
  }, [typed]);
  return form;
}
