import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-3xl font-bold">We could not find that page</h1>
      <p className="mt-4 text-stone-600 dark:text-stone-300">
        The blog or post may have been removed by its owner, or the address may be mistyped.
      </p>
      <p className="mt-6">
        <Link href="/" className="font-semibold text-teal-800 underline dark:text-teal-300">
          Browse the directory from the home page
        </Link>
      </p>
    </div>
  );
}
