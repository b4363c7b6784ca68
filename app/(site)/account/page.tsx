import type { Metadata } from "next";
import { SignOutButton } from "@/components/sign-out-button";
import { requireUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
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
      <SignOutButton />
    </div>
  );
}
