import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/components/format";
import { DeleteAccountForm } from "@/components/delete-account-form";
import { SignOutButton } from "@/components/sign-out-button";
import { requireUser } from "@/lib/auth/guards";
import { getMySubmissions } from "@/lib/listings/submit";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const STATUS: Record<string, string> = {
  PENDING: "waiting for review",
  ACTIVE: "listed",
  DORMANT: "listed (its feed went quiet)",
  REJECTED: "not accepted",
  SUSPENDED: "suspended",
};

type Props = { searchParams: Promise<{ submitted?: string | string[] }> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await requireUser("/account");
  const submitted = (await searchParams).submitted;
  const submissions = await getMySubmissions(user);
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
      {typeof submitted === "string" && submissions.some((listing) => listing.slug === submitted) && (
        <p role="status" className="rounded-lg bg-emerald-50 p-4 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          Thank you: your blog is submitted. A moderator looks at it soon; it appears in the directory once approved.
        </p>
      )}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="font-medium">Signed in as</dt>
        <dd>{user.email}</dd>
        {user.name && (
          <>
            <dt className="font-medium">Name</dt>
            <dd>{user.name}</dd>
          </>
        )}
        <dt className="font-medium">Role</dt>
        <dd>{user.role === "ADMIN" ? "Administrator" : "Member"}</dd>
      </dl>
      <section aria-labelledby="submissions" className="space-y-3">
        <h2 id="submissions" className="text-xl font-semibold">
          Blogs you submitted
        </h2>
        {submissions.length === 0 ? (
          <p className="text-stone-600 dark:text-stone-300">None yet.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 dark:divide-stone-700 dark:border-stone-700">
            {submissions.map((listing) => (
              <li key={listing.slug} className="flex flex-wrap items-baseline justify-between gap-2 p-3">
                <span className="font-medium">{listing.status === "ACTIVE" || listing.status === "DORMANT" ? <Link href={`/blogs/${listing.slug}`} className="underline">{listing.name}</Link> : listing.name}</span>
                <span className="text-sm text-stone-600 dark:text-stone-400">
                  {STATUS[listing.status] ?? listing.status.toLowerCase()} · submitted {formatDate(listing.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="flex flex-wrap gap-4">
          <Link href="/submit" className="inline-block rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
            List your blog
          </Link>
          <Link href="/dashboard" className="inline-block rounded-lg border border-stone-300 px-4 py-2 font-semibold dark:border-stone-600">
            My listings
          </Link>
        </p>
      </section>
      <SignOutButton />
      <DeleteAccountForm />
    </div>
  );
}
