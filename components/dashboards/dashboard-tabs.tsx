'use client'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { cn } from '@/components/ui/cn'

export type DashboardTab = { href: string; label: string }

/** Forecast / Delivery / Won to live: only those the caller's role may see. */
export function DashboardTabs({ tabs }: { tabs: DashboardTab[] }) {
  const pathname = usePathname()
  return (
    <nav aria-label="Dashboards" className="-mb-px mb-4 flex gap-1 overflow-x-auto border-b border-line">
      {tabs.map((tab) => {
        const active = pathname === tab.href
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? 'page' : undefined}
            className={cn('whitespace-nowrap border-b-2 px-3 py-2 text-sm', active ? 'border-accent font-medium text-ink' : 'border-transparent text-ink-soft hover:border-line hover:text-ink')}
          >
            {tab.label}
          </Link>
        )
      })}
    </nav>
  )
}
