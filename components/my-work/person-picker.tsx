'use client'
import { usePathname, useRouter } from 'next/navigation'
import { useTransition } from 'react'

/** MANAGER and ADMIN: whose work the page shows (`?person=<userId>`, none for yourself). */
export function PersonPicker({ people, value, me }: { people: { id: string; name: string }[]; value: string; me: string }) {
  const router = useRouter()
  const pathname = usePathname()
  const [pending, startTransition] = useTransition()
  return (
    <label className="flex items-center gap-2 text-sm text-ink-soft">
      <span>Showing</span>
      <select
        className="rounded-md border border-line bg-surface px-2.5 py-1.5 text-sm text-ink shadow-xs"
        value={value}
        aria-busy={pending}
        onChange={(event) => {
          const id = event.target.value
          startTransition(() => router.push(id === me ? pathname : `${pathname}?person=${id}`))
        }}
      >
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id === me ? `${p.name} (me)` : p.name}
          </option>
        ))}
      </select>
    </label>
  )
}
