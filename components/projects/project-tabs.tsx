'use client'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { cn } from '@/components/ui/cn'

const TABS = [
  { href: '', label: 'Board' },
  { href: '/list', label: 'List' },
  { href: '/timeline', label: 'Timeline' },
  { href: '/overview', label: 'Overview' },
  { href: '/history', label: 'History' },
] as const

/** The project's views; the current one is marked for screen readers too. */
export function ProjectTabs({ base }: { base: string }) {
  const pathname = usePathname()
  return (
    <nav aria-label="Project views" className="-mb-px flex gap-1 overflow-x-auto">
      {TABS.map((tab) => {
        const href = `${base}${tab.href}`
        const active = tab.href === '' ? pathname === base : pathname === href || pathname.startsWith(`${href}/`)
        return (
          <Link
            key={tab.label}
            href={href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'whitespace-nowrap border-b-2 px-3 py-2 text-sm',
              active ? 'border-accent font-medium text-ink' : 'border-transparent text-ink-soft hover:border-line hover:text-ink',
            )}
          >
            {tab.label}
          </Link>
        )
      })}
    </nav>
  )
}
