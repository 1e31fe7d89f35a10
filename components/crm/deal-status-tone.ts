import type { DealListRow } from '@/lib/crm/list-defs'

/** A deal status badge's colours (lists, related tables). */
export const dealStatusTone: Record<DealListRow['status'], string> = {
  OPEN: 'bg-accent/10 text-accent',
  WON: 'bg-success/10 text-success',
  LOST: 'bg-danger/10 text-danger',
}
