'use client'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { Avatar } from '@/components/ui/avatar'
import { Badge } from '@/components/ui/card'
import { companySizeLabels } from '@/lib/crm/companies.schema'
import { dealTypeLabels } from '@/lib/crm/deals.schema'
import { dealStatusLabels, type CompanyListRow, type ContactListRow, type DealListRow } from '@/lib/crm/list-defs'
import { formatDay } from '@/lib/dates'
import { dateTimeFormat } from '@/lib/intl-cache'
import { formatMoney } from '@/lib/money'
import { countryName } from '../country-name'
import { dealStatusTone } from '../deal-status-tone'

// How each list column shows its value. The rows are drawn by a client component from the
// page's data (list-rows.tsx): data is far lighter than markup in the page's flight data.

const none = <span className="text-ink-soft">—</span>

function Owner({ id, name }: { id: string | null; name: string | null }) {
  if (!id || !name) return <span className="text-ink-soft">No owner</span>
  return (
    <span className="inline-flex items-center gap-1.5">
      <Avatar id={id} name={name} className="size-5 text-[9px]" />
      {name}
    </span>
  )
}

/** An instant as a date in the organization's time zone. */
function dateIn(timeZone: string) {
  const format = dateTimeFormat('en-US', { timeZone, dateStyle: 'medium' })
  return function formatDate(iso: string) {
    return <time dateTime={iso}>{format.format(new Date(iso))}</time>
  }
}

function companyCell({ orgSlug, timeZone }: CellContext) {
  const date = dateIn(timeZone)
  return function companyColumn(row: CompanyListRow, key: string): ReactNode {
    switch (key) {
      case 'name':
        return (
          <Link href={`/${orgSlug}/companies/${row.id}`} className="font-medium text-ink hover:underline">
            {row.name}
          </Link>
        )
      case 'domain':
        return row.domain ?? none
      case 'industry':
        return row.industry ?? none
      case 'size':
        return row.sizeBand ? companySizeLabels[row.sizeBand] : none
      case 'country':
        return row.country ? <span title={row.country}>{countryName(row.country)}</span> : none
      case 'owner':
        return <Owner id={row.ownerId} name={row.ownerName} />
      case 'contacts':
        return row.contactCount
      case 'openDeals':
        return row.openDealCount
      case 'created':
        return date(row.createdAt)
      case 'updated':
        return date(row.updatedAt)
      default:
        return null
    }
  }
}

function contactCell({ orgSlug, timeZone }: CellContext) {
  const date = dateIn(timeZone)
  return function contactColumn(row: ContactListRow, key: string): ReactNode {
    switch (key) {
      case 'name':
        return (
          <Link href={`/${orgSlug}/contacts/${row.id}`} className="font-medium text-ink hover:underline">
            {`${row.firstName} ${row.lastName}`.trim()}
          </Link>
        )
      case 'email':
        return row.email ? <a href={`mailto:${row.email}`} className="hover:underline">{row.email}</a> : none
      case 'phone':
        return row.phone ?? none
      case 'jobTitle':
        return row.jobTitle ?? none
      case 'company':
        return row.companyId && row.companyName ? (
          <Link href={`/${orgSlug}/companies/${row.companyId}`} className="hover:underline">
            {row.companyName}
          </Link>
        ) : (
          none
        )
      case 'owner':
        return <Owner id={row.ownerId} name={row.ownerName} />
      case 'created':
        return date(row.createdAt)
      case 'updated':
        return date(row.updatedAt)
      default:
        return null
    }
  }
}

function dealCell({ orgSlug, timeZone, today }: CellContext) {
  const date = dateIn(timeZone)
  return function dealColumn(row: DealListRow, key: string): ReactNode {
    switch (key) {
      case 'title':
        return (
          <Link href={`/${orgSlug}/deals/${row.id}`} className="font-medium text-ink hover:underline">
            {row.title}
          </Link>
        )
      case 'company':
        return row.companyId && row.companyName ? (
          <Link href={`/${orgSlug}/companies/${row.companyId}`} className="hover:underline">
            {row.companyName}
          </Link>
        ) : (
          none
        )
      case 'amount':
        return formatMoney(row.amountMinor, row.currency)
      case 'pipeline':
        return row.pipelineName
      case 'stage':
        return row.stageName
      case 'status':
        return <Badge className={dealStatusTone[row.status]}>{dealStatusLabels[row.status]}</Badge>
      case 'type':
        return dealTypeLabels[row.dealType]
      case 'probability':
        return `${row.probability} %`
      case 'close': {
        if (!row.expectedCloseOn) return none
        const overdue = row.status === 'OPEN' && row.expectedCloseOn < today
        return (
          <time dateTime={row.expectedCloseOn} className={overdue ? 'font-medium text-danger' : undefined} title={overdue ? 'Expected close date has passed' : undefined}>
            {formatDay(row.expectedCloseOn)}
          </time>
        )
      }
      case 'owner':
        return <Owner id={row.ownerId} name={row.ownerName} />
      case 'created':
        return date(row.createdAt)
      case 'updated':
        return date(row.updatedAt)
      default:
        return null
    }
  }
}

/** What the cells need besides the row: links, dates in the organization's zone, overdue close dates. */
export type CellContext = { orgSlug: string; timeZone: string; today: string }

export type ListRowOf = { company: CompanyListRow; contact: ContactListRow; deal: DealListRow }
export type ListEntity = keyof ListRowOf

/** Per list: how a cell shows a column of a row, and the row's name (its checkbox's label). */
export const listCells: { [E in ListEntity]: { cell: (context: CellContext) => (row: ListRowOf[E], key: string) => ReactNode; label: (row: ListRowOf[E]) => string } } = {
  company: { cell: companyCell, label: (row) => row.name },
  contact: { cell: contactCell, label: (row) => `${row.firstName} ${row.lastName}`.trim() },
  deal: { cell: dealCell, label: (row) => row.title },
}
