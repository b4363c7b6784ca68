"use client";

import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-3xl font-bold">Something went wrong on our side</h1>
      <p className="mt-4 text-stone-600 dark:text-stone-300">It has been logged. Trying again usually helps.</p>
      <p className="mt-6 flex justify-center gap-4">
        <button type="button" onClick={reset} className="rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
          Try again
        </button>
        <Link href="/" className="rounded-lg border border-stone-300 px-4 py-2 font-semibold">
          Home page
        </Link>
      </p>
    </div>
  );
}
