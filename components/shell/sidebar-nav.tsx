'use client'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { BarChart3, Building2, CheckSquare, FolderKanban, Handshake, KanbanSquare, Settings, Users } from 'lucide-react'
import { cn } from '@/components/ui/cn'

const items = [
  { href: 'pipeline', label: 'Pipeline', icon: KanbanSquare },
  { href: 'deals', label: 'Deals', icon: Handshake },
  { href: 'contacts', label: 'Contacts', icon: Users },
  { href: 'companies', label: 'Companies', icon: Building2 },
  { href: 'projects', label: 'Projects', icon: FolderKanban },
  { href: 'my-work', label: 'My work', icon: CheckSquare },
  { href: 'dashboards', label: 'Dashboards', icon: BarChart3 },
  { href: 'settings', label: 'Settings', icon: Settings },
]

export function SidebarNav({ orgSlug }: { orgSlug: string }) {
  const pathname = usePathname()
  return (
    <nav aria-label="Main" className="px-2 py-2">
      <ul className="space-y-0.5">
        {items.map(({ href, label, icon: Icon }) => {
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
                <Icon className="size-4" aria-hidden />
                {label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
