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
