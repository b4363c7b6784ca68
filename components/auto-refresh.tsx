"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/** Re-renders the page from the server every `everyMs` until `forMs` passed; then says so. */
export function AutoRefresh({ everyMs = 2000, forMs = 90_000, children, late }: { everyMs?: number; forMs?: number; children: React.ReactNode; late: React.ReactNode }) {
  const router = useRouter();
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > forMs) {
        setExpired(true);
        clearInterval(timer);
      } else router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs, forMs]);
  return <>{expired ? late : children}</>;
}
