// The public directory's pages: home, blog, post, category, tag and search. Each URL reads the same
// for every visitor (a member's copy adds only the account menu), so the door keeps them in its page
// cache (lib/page-cache/serve-page.ts), and they go out without Cross-Origin-Opener-Policy, to
// visitors and members alike (lib/security-headers.ts, docs/decisions/013).
const PUBLIC_DIRECTORY_PAGE = /^\/($|blogs\/[^/]+$|posts\/[^/]+$|categories\/[^/]+$|tags\/[^/]+$|search$)/;

/** Whether a path (no query) is one of the public directory's pages. */
export function isPublicDirectoryPage(path: string): boolean {
  return PUBLIC_DIRECTORY_PAGE.test(path);
}
