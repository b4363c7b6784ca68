import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sign-in problem", robots: { index: false } };

const EXPLANATIONS: Record<string, string> = {
  Verification: "This sign-in link has expired or was already used. Links work once, for 15 minutes.",
  AccessDenied: "This account cannot sign in. If you think this is a mistake, contact the directory's team.",
  Configuration: "Sign-in is not set up correctly on this installation.",
};

type Props = { searchParams: Promise<{ error?: string | string[] }> };

export default async function SignInErrorPage({ searchParams }: Props) {
  const error = (await searchParams).error;
  const text = (typeof error === "string" && EXPLANATIONS[error]) || "Something went wrong while signing you in.";
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">We could not sign you in</h1>
      <p role="alert">{text}</p>
      <p>
        <Link href="/signin" className="font-semibold underline">
          Ask for a new sign-in link
        </Link>
      </p>
    </div>
  );
}
