/** The owner proved the blog is theirs (a claim checked monthly): shown beside its name wherever it is listed. */
export function VerifiedBadge({ className = "text-xs" }: { className?: string }) {
  return (
    <span className={`${className} font-normal text-emerald-700 dark:text-emerald-400`} title="Ownership verified">
      ✓ verified
    </span>
  );
}
