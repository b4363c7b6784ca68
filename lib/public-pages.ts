// The public directory's pages: home, blog, post, category, tag and search. Each URL reads the same
// for every visitor (a member's copy adds only the account menu), so the door keeps them in its page
// cache and writes them itself as documents (lib/page-cache/serve-page.ts, documents.ts), and they go
// out without Cross-Origin-Opener-Policy, to visitors and members alike (lib/security-headers.ts,
// docs/decisions/013). One definition for all three.

/** Captured: the kind and the second segment of a post, blog, category or tag; "search". */
const PUBLIC_DIRECTORY_PAGE = /^\/(?:(posts|blogs|categories|tags)\/([^/]+)|(search))?$/;

export type PublicPage = { kind: "home" | "posts" | "blogs" | "categories" | "tags" | "search"; segment: string };

/** A request's path, without its query. */
export function pathOf(url: string): string {
  const query = url.indexOf("?");
  return query < 0 ? url : url.slice(0, query);
}

/** Which of the public directory's pages a path (no query) is, with its second segment as sent (not decoded); null for none. */
export function publicPageOf(path: string): PublicPage | null {
  const match = PUBLIC_DIRECTORY_PAGE.exec(path);
  if (!match) return null;
  return { kind: (match[1] ?? match[3] ?? "home") as PublicPage["kind"], segment: match[2] ?? "" };
}

/** Whether a path (no query) is one of the public directory's pages. */
export const isPublicDirectoryPage = (path: string): boolean => publicPageOf(path) !== null;
