"use client";

import { useRouter } from "next/navigation";
import { useActionState, useId, useState } from "react";
import type { CheckAnswer, ClaimView, StartAnswer } from "@/lib/claims/claims";
import { postForm } from "./post-form";
import { useTypedBack, type TypedBack } from "./typed-back";

/** An answer, with what was sent, put back in the form after React's reset (useTypedBack). */
type ClaimFormState = ({ kind: "idle" } | StartAnswer | CheckAnswer) & { typed?: TypedBack };

const METHODS = [
  { value: "META_TAG", label: "A meta tag on my home page" },
  { value: "WELL_KNOWN_FILE", label: "A file on my site" },
  { value: "FEED_ITEM", label: "A post in my feed" },
  { value: "EMAIL_CODE", label: "A code mailed to an address at my blog's domain" },
] as const;

const button = "rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 disabled:opacity-60";
const input = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-600 dark:bg-stone-950";

function Instructions({ claim, siteUrl }: { claim: ClaimView; siteUrl: string }) {
  const code = "mt-1 block overflow-x-auto rounded bg-stone-100 p-2 text-sm dark:bg-stone-800";
  switch (claim.method) {
    case "META_TAG":
      return (
        <p>
          Add this tag inside the <code>&lt;head&gt;</code> of {siteUrl}:<code className={code}>{`<meta name="blogatlas-verification" content="${claim.token}">`}</code>
        </p>
      );
    case "WELL_KNOWN_FILE":
      return (
        <p>
          Publish a file at <code>{new URL("/.well-known/blogatlas-verification.txt", siteUrl).href}</code> containing:<code className={code}>{claim.token}</code>
        </p>
      );
    case "FEED_ITEM":
      return (
        <p>
          Publish a post whose title or text contains this token (you can delete it once the claim is verified):<code className={code}>{claim.token}</code>
        </p>
      );
    default:
      return <p>We mailed a six-digit code to {claim.email}. It works for 30 minutes.</p>;
  }
}

/** Start a claim (choose how), then check it: the answer, good or bad, is said right here. */
export function ClaimForm({ slug, siteUrl, claim: existing }: { slug: string; siteUrl: string; claim: ClaimView | null }) {
  const router = useRouter();
  const signIn = (): ClaimFormState => {
    router.push(`/signin?callbackUrl=${encodeURIComponent(`/blogs/${slug}/claim`)}`);
    return { kind: "idle" };
  };
  const base = `/api/listings/${encodeURIComponent(slug)}/claims`;
  const post = (url: string) => async (_previous: ClaimFormState, sent: FormData): Promise<ClaimFormState> => ({ ...(await postForm(url, sent, signIn)), typed: { sent, dealtWith: () => false } });
  const [started, start, starting] = useActionState<ClaimFormState, FormData>(post(base), { kind: "idle" });
  const [checked, check, checking] = useActionState<ClaimFormState, FormData>(post(`${base}/check`), { kind: "idle" });
  const startForm = useTypedBack(started.typed);
  const checkForm = useTypedBack(checked.typed);
  const [method, setMethod] = useState<string>("META_TAG");
  const id = useId();
  const claim = started.kind === "started" ? started.claim : existing;
  const startErrors = started.kind === "invalid" ? started.errors : {};

  if (checked.kind === "verified") {
    return (
      <p role="status" className="rounded-lg bg-emerald-50 p-4 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
        Verified: you own this listing now, and it shows a verified badge.
      </p>
    );
  }
  if (checked.kind === "contested") {
    return (
      <p role="status" className="rounded-lg bg-amber-50 p-4 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
        Your proof checks out, but this listing already has a verified owner. A moderator will look at both claims and write to you.
      </p>
    );
  }
  return (
    <div className="space-y-6">
      {claim && (
        <form ref={checkForm} action={check} noValidate className="space-y-3 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-700 dark:bg-stone-900">
          <input type="hidden" name="slug" value={slug} />
          <h2 className="text-lg font-semibold">Your claim</h2>
          <Instructions claim={claim} siteUrl={siteUrl} />
          {claim.method === "EMAIL_CODE" && (
            <div>
              <label htmlFor={`${id}-code`} className="block font-medium">
                The code from the e-mail
              </label>
              <input id={`${id}-code`} name="code" inputMode="numeric" autoComplete="one-time-code" className={input} />
            </div>
          )}
          {(checked.kind === "not-yet" || checked.kind === "closed") && (
            <p role="alert" className="text-red-700 dark:text-red-300">
              {checked.kind === "not-yet" ? `Not verified yet: ${checked.reason}.` : checked.reason}
            </p>
          )}
          <button type="submit" disabled={checking} className={button}>
            {checking ? "Checking…" : claim.method === "EMAIL_CODE" ? "Verify the code" : "Check now"}
          </button>
        </form>
      )}
      {/* Uncontrolled radios: React's reset after each answer is undone by useTypedBack, which a
          controlled radio would fight (it went back to the first method while the e-mail field stayed). */}
      <form ref={startForm} action={start} noValidate className="space-y-3">
        <input type="hidden" name="slug" value={slug} />
        <fieldset className="space-y-2">
          <legend className="font-medium">{claim ? "Or start again another way" : "How will you prove it?"}</legend>
          {METHODS.map((option) => (
            <label key={option.value} className="flex items-center gap-2">
              <input type="radio" name="method" value={option.value} defaultChecked={method === option.value} onChange={() => setMethod(option.value)} />
              {option.label}
            </label>
          ))}
        </fieldset>
        {startErrors.method && <p className="text-sm text-red-700 dark:text-red-300">{startErrors.method}</p>}
        {method === "EMAIL_CODE" && (
          <div>
            <label htmlFor={`${id}-email`} className="block font-medium">
              An address at your blog&apos;s domain
            </label>
            <input id={`${id}-email`} name="email" type="email" aria-invalid={Boolean(startErrors.email)} aria-describedby={startErrors.email ? `${id}-email-error` : undefined} className={input} />
            {startErrors.email && (
              <p id={`${id}-email-error`} className="mt-1 text-sm text-red-700 dark:text-red-300">
                {startErrors.email}
              </p>
            )}
          </div>
        )}
        {startErrors.form && (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {startErrors.form}
          </p>
        )}
        <button type="submit" disabled={starting} className={button}>
          {starting ? "Starting…" : "Start the claim"}
        </button>
      </form>
    </div>
  );
}
