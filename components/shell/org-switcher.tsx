import Link from 'next/link'
import { ChevronsUpDown } from 'lucide-react'
import { roleLabels } from '@/lib/permissions'
import type { Member } from '@/lib/authz'

type Org = { name: string; slug: string; role: Member['role'] }

/** The current organization; a disclosure lists the others to switch to. */
export function OrgSwitcher({ current, organizations }: { current: { name: string; slug: string }; organizations: Org[] }) {
  const others = organizations.filter((o) => o.slug !== current.slug)
  if (others.length === 0) {
    return <p className="mx-2 truncate rounded-md px-2.5 py-1.5 text-sm font-medium" data-testid="org-name">{current.name}</p>
  }
  return (
    <details className="group relative mx-2">
      <summary className="flex cursor-pointer list-none items-center justify-between rounded-md px-2.5 py-1.5 text-sm font-medium hover:bg-muted">
        <span className="truncate" data-testid="org-name">{current.name}</span>
        <ChevronsUpDown className="size-4 text-ink-soft" aria-hidden />
        <span className="sr-only">Switch organization</span>
      </summary>
      <ul className="absolute inset-x-0 z-20 mt-1 rounded-md border border-line bg-surface p-1 shadow-lg" aria-label="Your other organizations">
        {others.map((org) => (
          <li key={org.slug}>
            <Link href={`/${org.slug}/pipeline`} className="block rounded px-2 py-1.5 text-sm hover:bg-muted">
              {org.name} <span className="text-xs text-ink-soft">· {roleLabels[org.role]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  )
}
