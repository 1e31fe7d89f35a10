import Link from 'next/link'

/** A headline number on a dashboard, optionally a link to the records behind it. */
export function Stat({ label, value, hint, href }: { label: string; value: string; hint?: string; href?: string }) {
  const body = (
    <>
      <div className="text-xs text-ink-soft">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums text-ink">{value}</div>
      {hint ? <div className="mt-0.5 text-xs text-ink-soft">{hint}</div> : null}
    </>
  )
  const box = 'block rounded-lg border border-line bg-surface p-4 shadow-xs'
  return href ? (
    <Link href={href} className={`${box} hover:border-accent`}>
      {body}
    </Link>
  ) : (
    <div className={box}>{body}</div>
  )
}
