import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your inbox", robots: { index: false } };

type Props = { searchParams: Promise<{ email?: string | string[] }> };

export default async function CheckEmailPage({ searchParams }: Props) {
  const email = (await searchParams).email;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">Check your inbox</h1>
      <p role="status">
        We sent a sign-in link{typeof email === "string" && email ? <> to <strong>{email}</strong></> : null}. It works once, for 15 minutes.
      </p>
      <p className="text-stone-600 dark:text-stone-300">
        Nothing there after a few minutes? Look in the spam folder, or <Link href="/signin" className="underline">ask for another link</Link>.
      </p>
    </div>
  );
}
