"use client";

import { useState } from "react";
import { SHARE_STYLE } from "./share-style";
import { useBrowserFact, useHydrated } from "./use-hydrated";

/**
 * "Copy link" and the browser's own share sheet: both need JavaScript, so neither is in the
 * server's HTML (no dead buttons before or without it), and the share sheet only where the browser
 * has one (navigator.share: phones, Safari, Edge).
 */
export function ShareActions({ url, title }: { url: string; title: string }) {
  const hydrated = useHydrated();
  const canShare = useBrowserFact(() => typeof navigator.share === "function");
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("copied");
    } catch {
      // No clipboard (an insecure origin, a refused permission): the address is shown to copy by hand.
      setStatus("failed");
    }
  }

  async function share() {
    try {
      await navigator.share({ title, url });
    } catch {
      // The visitor closed the sheet: nothing to say.
    }
  }

  if (!hydrated) return null;
  const button = SHARE_STYLE.button;
  return (
    <div className={SHARE_STYLE.row}>
      <button type="button" onClick={copy} className={button}>
        Copy link
      </button>
      {canShare && (
        <button type="button" onClick={share} className={button}>
          Share…
        </button>
      )}
      <span role="status" className={SHARE_STYLE.status}>
        {status === "copied" && "Link copied."}
        {status === "failed" && (
          <label>
            Copy this address:{" "}
            <input readOnly value={url} onFocus={(event) => event.currentTarget.select()} className={SHARE_STYLE.input} />
          </label>
        )}
      </span>
    </div>
  );
}
