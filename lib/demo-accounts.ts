import type { Role } from '@/lib/generated/prisma/enums'

// The demo organization's people, shared by the seed, the sign-in page (in demo mode),
// the README and the end-to-end tests. One password for all of them.
export const DEMO_PASSWORD = 'baton-demo-2026'
export const DEMO_ORG = { name: 'Acme Services', slug: 'acme', currency: 'EUR', timeZone: 'Europe/Berlin' }

export const DEMO_USERS: { name: string; email: string; role: Role }[] = [
  { name: 'Ada Admin', email: 'admin@acme.test', role: 'ADMIN' },
  { name: 'Mona Manager', email: 'manager@acme.test', role: 'MANAGER' },
  { name: 'Sam Sales', email: 'sales@acme.test', role: 'SALES' },
  { name: 'Sofia Sales', email: 'sales2@acme.test', role: 'SALES' },
  { name: 'Dev Delivery', email: 'delivery@acme.test', role: 'DELIVERY' },
]
