import Link from 'next/link'
import { ChevronFirst, ChevronLast, ChevronLeft, ChevronRight } from 'lucide-react'
import { buttonClass } from '@/components/ui/button'

export type PageInfo = {
  from: number
  count: number
  total: { value: number; kind: 'exact' | 'about' | 'atLeast' }
  links: { first: string | null; prev: string | null; next: string | null; last: string | null }
}

const number = new Intl.NumberFormat('en-US')

function totalText(total: PageInfo['total']) {
  if (total.kind === 'about') return `about ${number.format(total.value)}`
  if (total.kind === 'atLeast') return `more than ${number.format(total.value)}`
  return number.format(total.value)
}

function PageLink({ href, label, children }: { href: string | null; label: string; children: React.ReactNode }) {
  const cls = buttonClass('secondary', 'sm', 'px-2')
  if (!href) {
    return (
      <span className={`${cls} pointer-events-none opacity-40`} aria-disabled="true" aria-label={label}>
        {children}
      </span>
    )
  }
  return (
    <Link href={href} className={cls} aria-label={label} scroll={false}>
      {children}
    </Link>
  )
}

/** "Rows 30,001–30,050 of about 50,000" and the first/previous/next/last page links. */
export function ListPagination({ page }: { page: PageInfo }) {
  const { from, count, total, links } = page
  return (
    <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-ink-soft">
      <p data-testid="list-range" role="status">
        {count === 0 ? 'No rows' : `Rows ${number.format(from + 1)}–${number.format(from + count)} of ${totalText(total)}`}
      </p>
      <div className="flex items-center gap-1">
        <PageLink href={links.first} label="First page">
          <ChevronFirst className="size-4" aria-hidden />
        </PageLink>
        <PageLink href={links.prev} label="Previous page">
          <ChevronLeft className="size-4" aria-hidden />
        </PageLink>
        <PageLink href={links.next} label="Next page">
          <ChevronRight className="size-4" aria-hidden />
        </PageLink>
        <PageLink href={links.last} label="Last page">
          <ChevronLast className="size-4" aria-hidden />
        </PageLink>
      </div>
    </nav>
  )
}
