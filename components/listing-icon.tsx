/** A listing's site icon, or its initials on a colour derived from its name. */
export function ListingIcon({ name, iconUrl, size = 40 }: { name: string; iconUrl: string | null; size?: number }) {
  if (iconUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- icons come from arbitrary sites
    return <img src={iconUrl} alt="" width={size} height={size} className="rounded-lg" />;
  }
  const initials = name.split(/\s+/).filter((word) => /^[A-Za-z0-9]/.test(word)).slice(0, 2).map((word) => word[0]).join("").toUpperCase();
  let hue = 0;
  for (const char of name) hue = (hue * 31 + char.charCodeAt(0)) % 360;
  return (
    <span
      aria-hidden="true"
      className="inline-flex shrink-0 items-center justify-center rounded-lg font-semibold text-white"
      style={{ width: size, height: size, background: `hsl(${hue} 55% 28%)`, fontSize: size * 0.4 }}
    >
      {initials}
    </span>
  );
}
