import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { acceptInvitation } from "@/lib/owners/members";

export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

/** Opening the link (signed in with the invited address) accepts it: the listing joins "My listings". */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const user = await requireUser(`/invitations/${token}`);
  const answer = await acceptInvitation(user, token);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{answer.kind === "accepted" ? `Welcome to ${answer.name}` : "This invitation cannot be used"}</h1>
      <p role={answer.kind === "accepted" ? "status" : "alert"}>
        {answer.kind === "accepted" ? `You can now edit ${answer.name}.` : answer.reason}
      </p>
      <p>
        <Link href="/dashboard" className="font-semibold underline">
          My listings
        </Link>
      </p>
    </div>
  );
}
