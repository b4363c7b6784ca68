import { ShareActions } from "./share-actions";

/** "Share the post": links that work without JavaScript, then copy link and the share sheet where there is JavaScript. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const targets = [
    { label: "E-mail", href: `mailto:?subject=${t}&body=${u}` },
    { label: "X", href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { label: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { label: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
  ];
  return (
    <section aria-labelledby="share" className="mt-8">
      <h2 id="share" className="text-lg font-semibold">
        Share the post
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {targets.map((target) => (
          <li key={target.label}>
            <a href={target.href} rel="noopener" target="_blank" className="inline-block rounded-full border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800">
              {target.label}
            </a>
          </li>
        ))}
      </ul>
      <ShareActions url={url} title={title} />
    </section>
  );
}
