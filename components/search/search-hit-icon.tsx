import { Building2, Handshake, User } from 'lucide-react'
import type { SearchType } from '@/lib/crm/search.schema'

const icons = { company: Building2, contact: User, deal: Handshake } as const

export function SearchHitIcon({ type, className }: { type: SearchType; className?: string }) {
  const Icon = icons[type]
  return <Icon className={className ?? 'size-4 shrink-0 text-ink-soft'} aria-hidden />
}
