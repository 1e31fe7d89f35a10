import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'

/**
 * Today in the organization's time zone, as a SQL expression: a query that needs "today" need
 * not wait for a statement that reads the organization first (the board, the project header).
 */
export const orgTodaySql = (orgId: string) => Prisma.sql`(SELECT (now() AT TIME ZONE o.time_zone)::date FROM organization o WHERE o.id = ${orgId}::uuid)`
