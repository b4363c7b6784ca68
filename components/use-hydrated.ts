"use client";

import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/**
 * False in the server's HTML and while hydrating, true once the page's script runs: for controls
 * that need JavaScript and must not be offered before it (no dead buttons or false promises).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribeToNothing, () => true, () => false);
}

/** A fact about the browser (navigator.share exists), false on the server and while hydrating. */
export function useBrowserFact(read: () => boolean): boolean {
  return useSyncExternalStore(subscribeToNothing, read, () => false);
}
