import { cn } from './cn'

const palette = ['bg-indigo-500', 'bg-emerald-600', 'bg-amber-600', 'bg-rose-500', 'bg-sky-600', 'bg-violet-500', 'bg-teal-600', 'bg-orange-500']

function hash(text: string) {
  let h = 0
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0
  return Math.abs(h)
}

export function initials(name: string) {
  const parts = name.trim().split(/\s+/)
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase()
}

/** Initials on a colour derived from the person's id: the same person always looks the same. */
export function Avatar({ id, name, className }: { id: string; name: string; className?: string }) {
  return (
    <span
      title={name}
      aria-label={name}
      className={cn('avatar', palette[hash(id) % palette.length], className)}
    >
      {initials(name)}
    </span>
  )
}
