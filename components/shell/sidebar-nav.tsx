'use client'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { cn } from '@/components/ui/cn'
import { SpriteIcon, type SpriteIconName } from '@/components/ui/sprite-icon'

const items: { href: string; label: string; icon: SpriteIconName }[] = [
  { href: 'pipeline', label: 'Pipeline', icon: 'pipeline' },
  { href: 'deals', label: 'Deals', icon: 'deal' },
  { href: 'contacts', label: 'Contacts', icon: 'contacts' },
  { href: 'companies', label: 'Companies', icon: 'company' },
  { href: 'projects', label: 'Projects', icon: 'project' },
  { href: 'my-work', label: 'My work', icon: 'tasks' },
  { href: 'dashboards', label: 'Dashboards', icon: 'dashboards' },
  { href: 'settings', label: 'Settings', icon: 'settings' },
]

export function SidebarNav({ orgSlug }: { orgSlug: string }) {
  const pathname = usePathname()
  return (
    <nav aria-label="Main" className="px-2 py-2">
      <ul className="space-y-0.5">
        {items.map(({ href, label, icon }) => {
          const path = `/${orgSlug}/${href}`
          const active = pathname === path || pathname.startsWith(`${path}/`)
          return (
            <li key={href}>
              <Link
                href={path}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm',
                  active ? 'bg-accent/10 font-medium text-accent' : 'text-ink-soft hover:bg-muted hover:text-ink',
                )}
              >
                <SpriteIcon name={icon} className="size-4" />
                {label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
