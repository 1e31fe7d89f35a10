import { signOutAction } from '@/app/(app)/actions'

export default function NoOrganization() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 p-8 text-center">
      <h1 className="text-2xl font-semibold">No organization yet</h1>
      <p className="text-ink-soft">Your account is not a member of any organization. Ask an admin to invite you.</p>
      <form action={signOutAction}>
        <button type="submit" className="text-sm font-medium text-accent hover:underline">Sign out</button>
      </form>
    </main>
  )
}
