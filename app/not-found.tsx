import Link from 'next/link'

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-ink-soft">This page does not exist, or it belongs to an organization you are not a member of.</p>
      <Link href="/" className="text-sm font-medium text-accent hover:underline">
        Go to your workspace
      </Link>
    </main>
  )
}
