"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: "/" })} className="rounded-lg border border-stone-300 px-4 py-2 font-semibold dark:border-stone-600">
      Sign out
    </button>
  );
}
