import Link from 'next/link'

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-sm font-semibold text-accent">403</p>
      <h1 className="text-2xl font-semibold">You don’t have access to this</h1>
      <p className="text-ink-soft">Your role in this organization does not allow it. An admin can change your role.</p>
      <Link href="/" className="text-sm font-medium text-accent hover:underline">
        Back to your workspace
      </Link>
    </main>
  )
}
