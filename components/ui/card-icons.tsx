import { Building2, CalendarDays, CheckCircle2, ChevronDown, Ellipsis, FolderKanban, Handshake, ListChecks, Lock, MessageSquare, OctagonAlert, SignalHigh, SignalLow, SignalMedium, UserRound } from 'lucide-react'

// A board (deals or tasks) or a list (My work) draws hundreds of rows with the same few icons. Inline, each lucide icon is
// 300-600 bytes of SVG per card (half a megabyte for a 300-task board); so the board draws
// them once in a hidden sprite and each card refers to them with <use>.

const icons = {
  calendar: CalendarDays,
  checklist: ListChecks,
  comment: MessageSquare,
  lock: Lock,
  menu: Ellipsis,
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
} as const

export type CardIconName = keyof typeof icons

/** The icons once per page (`names`: only those the page uses). */
export function CardIconSprite({ names = Object.keys(icons) as CardIconName[] }: { names?: CardIconName[] }) {
  return (
    <svg aria-hidden="true" width="0" height="0" className="absolute">
      {names.map((name) => [name, icons[name]] as const).map(([name, Icon]) => (
        <symbol key={name} id={`pm-icon-${name}`} viewBox="0 0 24 24">
          <Icon width={24} height={24} />
        </symbol>
      ))}
    </svg>
  )
}

export function CardIcon({ name, className }: { name: CardIconName; className?: string }) {
  return (
    <svg aria-hidden="true" className={className}>
      <use href={`#pm-icon-${name}`} />
    </svg>
  )
}
