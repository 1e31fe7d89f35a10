'use client'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { cn } from '@/components/ui/cn'

export function SettingsTabs({ orgSlug, tabs }: { orgSlug: string; tabs: { href: string; label: string }[] }) {
  const pathname = usePathname()
  return (
    <nav aria-label="Settings" className="mb-6 border-b border-line">
      <ul className="-mb-px flex flex-wrap gap-4">
        {tabs.map((tab) => {
          const path = `/${orgSlug}/settings${tab.href ? `/${tab.href}` : ''}`
          // A tab stays current on its sub-pages (a template's editor under Templates).
          const active = pathname === path || (tab.href !== '' && pathname.startsWith(`${path}/`))
          return (
            <li key={tab.href}>
              <Link
                href={path}
                aria-current={active ? 'page' : undefined}
                className={cn('inline-block border-b-2 px-1 pb-2 text-sm', active ? 'border-accent font-medium text-accent' : 'border-transparent text-ink-soft hover:text-ink')}
              >
                {tab.label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
