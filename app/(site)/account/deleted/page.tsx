import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Your account is deleted", robots: { index: false } };

/** Where deleting an account ends: said plainly, with what stays and where to go on. */
export default function AccountDeletedPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">Your account is deleted</h1>
      <p role="status">
        Your sign-in and your sessions are gone, and any Business Listing you paid for is cancelled. The blogs you owned stay in the directory without an owner, and can be claimed again.
      </p>
      <p>
        <Link href="/" className="font-semibold text-teal-800 underline dark:text-teal-300">
          Back to the directory
        </Link>
      </p>
    </div>
  );
}
