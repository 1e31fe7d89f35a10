import { z } from 'zod'
import { COMPANY_SIZES, type CompanySize } from '@/lib/crm/companies.schema'
import { DEAL_TYPES } from '@/lib/crm/deals.schema'
import { CountryFilter, MonthFilter, OwnerFilter, TextFilter, UuidFilter, type ListDef } from '@/lib/crm/list-params'

// What the three CRM lists show and filter by. Pure: the pages, the client components (column
// chooser, headers) and the services (lib/crm/*-list.ts) share it.

export const DEAL_STATUSES = ['OPEN', 'WON', 'LOST'] as const
export type DealStatusValue = (typeof DEAL_STATUSES)[number]
export const dealStatusLabels: Record<DealStatusValue, string> = { OPEN: 'Open', WON: 'Won', LOST: 'Lost' }

export const companyListDef = {
  columns: [
    { key: 'name', label: 'Name', sortable: true, defaultVisible: true, fixed: true },
    { key: 'domain', label: 'Domain', sortable: true, defaultVisible: true },
    { key: 'industry', label: 'Industry', sortable: true, defaultVisible: true },
    { key: 'size', label: 'Size', sortable: true, defaultVisible: false },
    { key: 'country', label: 'Country', sortable: true, defaultVisible: true },
    { key: 'owner', label: 'Owner', sortable: true, defaultVisible: true },
    { key: 'contacts', label: 'Contacts', sortable: false, defaultVisible: true, align: 'right' },
    { key: 'openDeals', label: 'Open deals', sortable: false, defaultVisible: true, align: 'right' },
    { key: 'created', label: 'Created', sortable: true, defaultVisible: false },
    { key: 'updated', label: 'Updated', sortable: true, defaultVisible: false },
  ],
  defaultSort: { key: 'name', dir: 'asc' },
  filters: { owner: OwnerFilter, industry: TextFilter, country: CountryFilter, size: z.enum(COMPANY_SIZES) },
} satisfies ListDef

export const contactListDef = {
  columns: [
    { key: 'name', label: 'Name', sortable: true, defaultVisible: true, fixed: true },
    { key: 'email', label: 'Email', sortable: true, defaultVisible: true },
    { key: 'phone', label: 'Phone', sortable: true, defaultVisible: false },
    { key: 'jobTitle', label: 'Job title', sortable: true, defaultVisible: true },
    { key: 'company', label: 'Company', sortable: true, defaultVisible: true },
    { key: 'owner', label: 'Owner', sortable: true, defaultVisible: true },
    { key: 'created', label: 'Created', sortable: true, defaultVisible: false },
    { key: 'updated', label: 'Updated', sortable: true, defaultVisible: false },
  ],
  defaultSort: { key: 'name', dir: 'asc' },
  filters: { owner: OwnerFilter, company: UuidFilter, industry: TextFilter, country: CountryFilter },
} satisfies ListDef

export const dealListDef = {
  columns: [
    { key: 'title', label: 'Title', sortable: true, defaultVisible: true, fixed: true },
    { key: 'company', label: 'Company', sortable: true, defaultVisible: true },
    { key: 'amount', label: 'Amount', sortable: true, defaultVisible: true, align: 'right' },
    { key: 'pipeline', label: 'Pipeline', sortable: true, defaultVisible: false },
    { key: 'stage', label: 'Stage', sortable: true, defaultVisible: true },
    { key: 'status', label: 'Status', sortable: true, defaultVisible: true },
    { key: 'type', label: 'Type', sortable: true, defaultVisible: false },
    { key: 'probability', label: 'Probability', sortable: true, defaultVisible: false, align: 'right' },
    { key: 'close', label: 'Expected close', sortable: true, defaultVisible: true },
    { key: 'owner', label: 'Owner', sortable: true, defaultVisible: true },
    { key: 'created', label: 'Created', sortable: true, defaultVisible: true },
    { key: 'updated', label: 'Updated', sortable: true, defaultVisible: false },
  ],
  defaultSort: { key: 'created', dir: 'desc' },
  filters: {
    owner: OwnerFilter,
    pipeline: UuidFilter,
    stage: UuidFilter,
    status: z.enum(DEAL_STATUSES),
    type: z.enum(DEAL_TYPES),
    close: MonthFilter,
    company: UuidFilter,
    // Ranges of months (either end alone is fine), for links from the dashboards: expected close,
    // closed (closedAt) and created (createdAt) in the organization's time zone; and a lost reason.
    closeFrom: MonthFilter,
    closeTo: MonthFilter,
    closedFrom: MonthFilter,
    closedTo: MonthFilter,
    createdFrom: MonthFilter,
    createdTo: MonthFilter,
    lostReason: UuidFilter,
  },
} satisfies ListDef

export type CompanyListRow = {
  id: string
  name: string
  domain: string | null
  industry: string | null
  sizeBand: CompanySize | null
  country: string | null
  ownerId: string | null
  ownerName: string | null
  contactCount: number
  openDealCount: number
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

export type ContactListRow = {
  id: string
  firstName: string
  lastName: string
  email: string | null
  phone: string | null
  jobTitle: string | null
  companyId: string | null
  companyName: string | null
  ownerId: string | null
  ownerName: string | null
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

export type DealListRow = {
  id: string
  title: string
  amountMinor: string
  currency: string
  pipelineName: string
  stageName: string
  status: DealStatusValue
  dealType: (typeof DEAL_TYPES)[number]
  probability: number
  expectedCloseOn: string | null
  ownerId: string
  ownerName: string
  companyId: string | null
  companyName: string | null
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}
