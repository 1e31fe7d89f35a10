import { Toaster } from 'sonner'
import { signOutAction } from '@/app/(app)/actions'
import type { Member } from '@/lib/authz'
import { roleLabels } from '@/lib/permissions'
import { CommandPalette } from '@/components/search/command-palette'
import { IconSprite } from '@/components/ui/icon-sprite'
import { OrgSwitcher } from './org-switcher'
import { SidebarNav } from './sidebar-nav'

type Org = { name: string; slug: string; role: Member['role'] }

export function AppShell({ member, organizations, children }: { member: Member; organizations: Org[]; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <IconSprite />
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-line bg-surface">
        <div className="px-4 pb-2 pt-4">
          <p className="text-lg font-bold tracking-tight">
            <span className="text-accent" aria-hidden>●</span> Baton
          </p>
        </div>
        <OrgSwitcher current={member.org} organizations={organizations} />
        <CommandPalette orgSlug={member.org.slug} />
        <SidebarNav orgSlug={member.org.slug} />
        <div className="mt-auto border-t border-line p-3" data-testid="user-card">
          <p className="truncate text-sm font-medium" data-testid="user-name">{member.user.name}</p>
          <p className="truncate text-xs text-ink-soft">
            <span data-testid="user-role">{roleLabels[member.role]}</span> · <span data-testid="user-org">{member.org.name}</span>
          </p>
          <form action={signOutAction} className="mt-2">
            <button type="submit" className="w-full rounded-md px-2 py-1.5 text-left text-sm text-ink-soft hover:bg-muted hover:text-ink">
              Sign out
            </button>
          </form>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-8 py-6">
        {children}
      </main>
      <Toaster position="bottom-right" richColors closeButton />
    </div>
  )
}
