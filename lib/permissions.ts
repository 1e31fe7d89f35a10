import type { Role } from '@/lib/generated/prisma/enums'

export type { Role }

// Who may do what. Roles are not a ladder (SALES and DELIVERY see different halves),
// so each role lists its permissions. Pure: no database, unit-tested.
export const ROLES = ['ADMIN', 'MANAGER', 'SALES', 'DELIVERY'] as const satisfies readonly Role[]

export const roleLabels: Record<Role, string> = {
  ADMIN: 'Admin',
  MANAGER: 'Manager',
  SALES: 'Sales',
  DELIVERY: 'Delivery',
}

export type Permission =
  | 'org:read'
  | 'members:manage'
  | 'org:manage'
  | 'crm:configure'
  | 'crm:read'
  | 'crm:write'
  | 'projects:read'
  | 'projects:write'
  | 'dashboards:sales'
  | 'dashboards:delivery'
  | 'dashboards:won-to-live'

const everyone: Permission[] = ['org:read', 'crm:read', 'projects:read']

const grants: Record<Role, readonly Permission[]> = {
  ADMIN: [...everyone, 'members:manage', 'org:manage', 'crm:configure', 'crm:write', 'projects:write', 'dashboards:sales', 'dashboards:delivery', 'dashboards:won-to-live'],
  MANAGER: [...everyone, 'crm:configure', 'crm:write', 'projects:write', 'dashboards:sales', 'dashboards:delivery', 'dashboards:won-to-live'],
  SALES: [...everyone, 'crm:write', 'dashboards:sales'],
  DELIVERY: [...everyone, 'projects:write', 'dashboards:delivery'],
}

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission)
}
