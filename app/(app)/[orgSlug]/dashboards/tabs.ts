import type { DashboardTab } from '@/components/dashboards/dashboard-tabs'
import { can, type Permission, type Role } from '@/lib/permissions'

const ALL: { path: string; label: string; permission: Permission }[] = [
  { path: 'forecast', label: 'Sales forecast', permission: 'dashboards:sales' },
  { path: 'delivery', label: 'Delivery', permission: 'dashboards:delivery' },
  { path: 'won-to-live', label: 'Won to live', permission: 'dashboards:won-to-live' },
]

/** The dashboards a role may open, in order. */
export function dashboardTabs(orgSlug: string, role: Role): DashboardTab[] {
  return ALL.filter((t) => can(role, t.permission)).map((t) => ({ href: `/${orgSlug}/dashboards/${t.path}`, label: t.label }))
}
