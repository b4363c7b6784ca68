"use client";

import { useActionState, useLayoutEffect, useState } from "react";
import { submissionsAction } from "@/app/admin/actions";
import type { AdminFormState } from "./action-form";
import { useTypedBack, type TypedBack } from "../typed-back";
import { useHydrated } from "../use-hydrated";
import { Field } from "./fields";
import { button, card, danger, input, primary } from "./styles";

export type TSubmissionItem = {
  id: string;
  slug: string;
  name: string;
  siteUrl: string;
  feedUrl: string;
  description: string | null;
  language: string | null;
  submittedAt: string;
  submittedBy: string | null;
  deferred: boolean;
  categories: string[];
  spamScore: number;
  signals: Array<{ detail: string }>;
  preview: Array<{ title: string; url: string; excerpt?: string; publishedAt?: string }>;
  duplicates: Array<{ slug: string; name: string; status: string }>;
};

type Reason = { key: string; label: string };

const SHORTCUTS = "Keys: j / k next and previous, a approve, r reject (choose the reason), d defer, x select, ? this help.";

/**
 * New submissions, one form: each item's buttons act on it ("approve:<id>"), the bar acts on the
 * selected ones. Keyboard shortcuts move through the queue without a mouse.
 */
export function SubmissionQueue({ items, reasons }: { items: TSubmissionItem[]; reasons: Reason[] }) {
  const [state, action, pending] = useActionState<AdminFormState & { typed?: TypedBack }, FormData>(async (previous, sent) => {
    const answer = await submissionsAction(previous, sent);
    // What a decision used goes with it; every other item's note, reason and tick stays.
    const [intent, id] = String(sent.get("intent") ?? "").split(":");
    const used = intent?.startsWith("bulk-") ? ["ids", "bulk-reason", "bulk-note"] : [`reason-${id}`, `note-${id}`];
    return { ...answer, typed: { sent, dealtWith: (name) => Boolean(answer.ok) && used.includes(name) } };
  }, {});
  const [current, setCurrent] = useState(0);
  const [help, setHelp] = useState(false);
  // The shortcuts are offered once they work: the page is shown (and usable) before its script runs.
  const keysReady = useHydrated();
  const root = useTypedBack(state.typed);

  // A layout effect: the listener is in place in the same commit that shows the hint above.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.metaKey || event.ctrlKey || event.altKey || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      const articles = root.current?.querySelectorAll<HTMLElement>("[data-queue-item]");
      if (!articles?.length) return;
      const index = Math.min(current, articles.length - 1);
      const item = articles[index]!;
      const click = (name: string) => item.querySelector<HTMLButtonElement>(`button[data-key="${name}"]`)?.click();
      const moveTo = (next: number) => {
        const bounded = Math.max(0, Math.min(articles.length - 1, next));
        setCurrent(bounded);
        articles[bounded]!.focus();
      };
      switch (event.key) {
        case "j": moveTo(index + 1); break;
        case "k": moveTo(index - 1); break;
        case "a": click("approve"); break;
        case "d": click("defer"); break;
        case "r": item.querySelector<HTMLSelectElement>("select")?.focus(); break;
        case "x": item.querySelector<HTMLInputElement>("input[type=checkbox]")?.click(); break;
        case "?": setHelp((shown) => !shown); break;
        default: return;
      }
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, root]);

  if (items.length === 0) return <p className="text-stone-600 dark:text-stone-300">No submissions waiting. Well done.</p>;
  return (
    <form ref={root} action={action} aria-busy={pending} className="space-y-4">
      <p className="text-sm text-stone-600 dark:text-stone-300">{help ? SHORTCUTS : keysReady ? "Press ? for keyboard shortcuts." : " "}</p>
      <div className={`${card} flex flex-wrap items-end gap-2`} role="group" aria-label="Selected submissions">
        <Field label="Reason (for rejecting the selected)">
          <select name="bulk-reason" className={input} defaultValue="">
            <option value="">Choose a reason…</option>
            {reasons.map((reason) => <option key={reason.key} value={reason.key}>{reason.label}</option>)}
          </select>
        </Field>
        <Field label="Note (sent to the submitters)">
          <input name="bulk-note" className={input} maxLength={1000} />
        </Field>
        <button type="submit" name="intent" value="bulk-approve" disabled={pending} className={primary}>Approve selected</button>
        <button type="submit" name="intent" value="bulk-reject" disabled={pending} className={danger}>Reject selected</button>
        <button type="submit" name="intent" value="bulk-defer" disabled={pending} className={button}>Defer selected</button>
      </div>
      {state.message && <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-emerald-800 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}>{state.message}</p>}
      <ol className="space-y-4">
        {items.map((item, index) => (
          <li key={item.id}>
            <article data-queue-item tabIndex={-1} aria-labelledby={`sub-${item.id}`} onFocus={() => setCurrent(index)} className={`${card} space-y-3 outline-offset-2 focus:outline-2 focus:outline-teal-600 ${index === current ? "ring-1 ring-teal-600/40" : ""}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 id={`sub-${item.id}`} className="text-lg font-semibold">
                  <label className="inline-flex items-center gap-2">
                    <input type="checkbox" name="ids" value={item.id} aria-label={`Select ${item.name}`} />
                    {item.name}
                  </label>
                </h3>
                <span className={`rounded px-2 py-0.5 text-xs font-semibold ${item.spamScore >= 50 ? "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100" : item.spamScore > 0 ? "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100" : "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"}`}>
                  spam score {item.spamScore}
                </span>
              </div>
              <p className="text-sm text-stone-600 dark:text-stone-300">
                <a href={item.siteUrl} rel="noopener nofollow" className="underline">{item.siteUrl}</a> · feed <a href={item.feedUrl} rel="noopener nofollow" className="underline">{item.feedUrl}</a> · submitted {item.submittedAt}
                {item.submittedBy ? ` by ${item.submittedBy}` : " (import or command line)"} {item.categories.length ? `· ${item.categories.join(", ")}` : ""} {item.language ? `· ${item.language}` : ""} {item.deferred ? "· deferred" : ""}
              </p>
              {item.description && <p>{item.description}</p>}
              {item.signals.length > 0 && (
                <ul className="list-disc pl-5 text-sm text-amber-900 dark:text-amber-200" aria-label="Spam signals">
                  {item.signals.map((signal) => <li key={signal.detail}>{signal.detail}</li>)}
                </ul>
              )}
              {item.duplicates.length > 0 && (
                <p className="text-sm">
                  Possibly the same blog as:{" "}
                  {item.duplicates.map((duplicate, position) => (
                    <span key={duplicate.slug}>
                      {position > 0 && ", "}
                      <a href={`/admin/listings/${duplicate.slug}`} className="underline">{duplicate.name}</a> ({duplicate.status.toLowerCase()})
                    </span>
                  ))}
                </p>
              )}
              {item.preview.length > 0 ? (
                <details>
                  <summary className="cursor-pointer text-sm font-medium">Its latest posts when submitted ({item.preview.length})</summary>
                  <ul className="mt-2 space-y-2 text-sm">
                    {item.preview.map((post) => (
                      <li key={post.url}>
                        <a href={post.url} rel="noopener nofollow ugc" className="font-medium underline">{post.title || "(untitled)"}</a>
                        {post.excerpt && <span className="block text-stone-600 dark:text-stone-300">{post.excerpt}</span>}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : (
                <p className="text-sm text-stone-600 dark:text-stone-300">No preview was kept (added by import or command); its feed is read once approved.</p>
              )}
              <div className="flex flex-wrap items-end gap-2">
                <button type="submit" name="intent" value={`approve:${item.id}`} data-key="approve" disabled={pending} className={primary}>Approve</button>
                <label className="text-sm">
                  <span className="sr-only">Reason for rejecting {item.name}</span>
                  <select name={`reason-${item.id}`} className={input} defaultValue="">
                    <option value="">Reason to reject…</option>
                    {reasons.map((reason) => <option key={reason.key} value={reason.key}>{reason.label}</option>)}
                  </select>
                </label>
                <label className="text-sm">
                  <span className="sr-only">Note to the submitter of {item.name}</span>
                  <input name={`note-${item.id}`} placeholder="Note to the submitter (optional)" className={input} maxLength={1000} />
                </label>
                <button type="submit" name="intent" value={`reject:${item.id}`} data-key="reject" disabled={pending} className={danger}>Reject</button>
                <button type="submit" name="intent" value={`defer:${item.id}`} data-key="defer" disabled={pending} className={button}>Defer</button>
              </div>
            </article>
          </li>
        ))}
      </ol>
    </form>
  );
}
