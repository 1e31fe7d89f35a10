import {
  BarChart3,
  Building2,
  CalendarDays,
  CheckCircle2,
  CheckSquare,
  ChevronDown,
  Ellipsis,
  FolderKanban,
  Handshake,
  KanbanSquare,
  ListChecks,
  Lock,
  MessageSquare,
  OctagonAlert,
  Plus,
  Settings,
  SignalHigh,
  SignalLow,
  SignalMedium,
  UserRound,
  Users,
} from 'lucide-react'

/**
 * The icons every page draws many times (cards, rows, the sidebar), by the name a page refers
 * to them with. They reach the page once, as the sprite the shell draws (icon-sprite.generated.ts,
 * made from these by `npm run icons`), not as a component per use.
 */
export const spriteIcons = {
  calendar: CalendarDays,
  checklist: ListChecks,
  comment: MessageSquare,
  lock: Lock,
  menu: Ellipsis,
  plus: Plus,
  chevron: ChevronDown,
  project: FolderKanban,
  done: CheckCircle2,
  deal: Handshake,
  contact: UserRound,
  company: Building2,
  URGENT: OctagonAlert,
  HIGH: SignalHigh,
  MEDIUM: SignalMedium,
  LOW: SignalLow,
  pipeline: KanbanSquare,
  contacts: Users,
  tasks: CheckSquare,
  dashboards: BarChart3,
  settings: Settings,
} as const

export type SpriteIconName = keyof typeof spriteIcons
