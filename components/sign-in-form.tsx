"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { EmailInput } from "./email-input";

const MESSAGES: Record<string, string> = {
  EmailInvalid: "Enter one plain e-mail address, such as name@example.com.",
  RateLimited: "Too many sign-in links were asked for: wait a while, then try again.",
  CrossSite: "This request did not come from BlogAtlas. Reload the page and try again.",
  EmailSignin: "We could not send the e-mail. Try again in a moment.",
};

/** E-mail sign-in: asks for a magic link and says, next to the field, what went wrong if anything did. */
export function SignInForm({ callbackUrl, providers }: { callbackUrl: string; providers: { email: boolean; github: boolean; google: boolean } }) {
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!email) {
      setError("Enter your e-mail address.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("email", { email, callbackUrl, redirect: false });
      if (result?.error) setError(MESSAGES[result.error] ?? MESSAGES.EmailSignin!);
      else router.push(`/signin/check-email?email=${encodeURIComponent(email)}`);
    } catch {
      setError(MESSAGES.EmailSignin!);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-6">
      {providers.email ? (
        <form onSubmit={submit} noValidate className="space-y-3">
          <label htmlFor={`${id}-email`} className="block font-medium">
            Your e-mail address
          </label>
          <EmailInput id={`${id}-email`} invalid={Boolean(error)} describedBy={error ? `${id}-error` : `${id}-hint`} className="w-full" />
          {error ? (
            <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-300">
              {error}
            </p>
          ) : (
            <p id={`${id}-hint`} className="text-sm text-stone-600 dark:text-stone-400">
              We e-mail you a link that signs you in. No password to remember.
            </p>
          )}
          <button type="submit" disabled={pending} className="rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 disabled:opacity-60">
            {pending ? "Sending the link…" : "E-mail me a sign-in link"}
          </button>
        </form>
      ) : (
        <p className="rounded-lg bg-amber-50 p-4 text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          E-mail sign-in is not configured on this installation: its operator sets SMTP_URL to a mail server.
        </p>
      )}
      {(providers.github || providers.google) && (
        <div className="space-y-2 border-t border-stone-200 pt-6 dark:border-stone-700">
          {providers.github && (
            <button type="button" onClick={() => void signIn("github", { callbackUrl })} className="w-full rounded-lg border border-stone-300 px-4 py-2 font-semibold dark:border-stone-600">
              Sign in with GitHub
            </button>
          )}
          {providers.google && (
            <button type="button" onClick={() => void signIn("google", { callbackUrl })} className="w-full rounded-lg border border-stone-300 px-4 py-2 font-semibold dark:border-stone-600">
              Sign in with Google
            </button>
          )}
        </div>
      )}
    </div>
  );
}
