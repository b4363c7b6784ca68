// Declares what a public page shows, for the page cache (lib/page-cache): when a writer announces a
// change to one of these tags, cached copies of this page are dropped. React hoists it into <head>.
export function CacheTags({ tags }: { tags: string[] }) {
  return <meta name="blogatlas-cache-tags" content={tags.join(" ")} />;
}
