import type { Member } from '@/lib/authz'
import type { BoardQuery } from '@/lib/crm/board'
import type { BoardFilters } from '@/lib/crm/deals.schema'

/** The owner filter of a board view: "mine" by default for sales reps, everyone for others. */
export function ownerFilter(member: Pick<Member, 'role'>, owner: string | undefined): string {
  return owner ?? (member.role === 'SALES' ? 'mine' : 'all')
}

/** URL filters -> the service query, resolving "mine" to the member's id. */
export function boardQuery(member: Pick<Member, 'role' | 'user'>, filters: BoardFilters): BoardQuery {
  const owner = ownerFilter(member, filters.owner)
  return {
    pipelineId: filters.pipeline,
    ownerId: owner === 'all' ? undefined : owner === 'mine' ? member.user.id : /^[0-9a-f-]{36}$/.test(owner) ? owner : undefined,
    closeMonth: filters.close,
    dealType: filters.type,
  }
}
