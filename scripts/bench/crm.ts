// The CRM's hot paths (issue 3, "Scale, measured"), on Scale Co's 50,000 deals.
import type { Ctx } from '../../lib/authz'
import { loadBoard, loadColumnPage, PAGE_SIZE } from '../../lib/crm/board'
import { moveDeal } from '../../lib/crm/deals'
import { listDeals } from '../../lib/crm/deal-list'
import { dealListDef } from '../../lib/crm/list-defs'
import { parseListParams } from '../../lib/crm/list-params'
import { searchCrm } from '../../lib/crm/search'
import type { Db } from '../../lib/db'
import type { Fixtures, HotPath } from './types'

const adminCtx = (f: Fixtures): Ctx => ({ orgId: f.orgId, userId: f.admin.id, role: 'ADMIN' })
const repCtx = (f: Fixtures): Ctx => ({ orgId: f.orgId, userId: f.rep.id, role: 'SALES' })

/** The page rendered the board, not a sign-in redirect or an error page. */
const boardRendered = (body: string) => (body.includes('Lead in') && body.includes('Negotiation') ? null : 'the board did not render (no "Lead in"/"Negotiation" column)')

/** The deal list's service called with the URL's search params, as its page does. */
const dealList = (db: Db, f: Fixtures, search: Record<string, string>) => listDeals(db, adminCtx(f), parseListParams(dealListDef, search))

/** The keyset cursor after row 29,999 of the default order (newest first), found by paging through the list. */
let deepCursor: string | null = null
async function findDeepCursor(db: Db, f: Fixtures) {
  let cursor: string | null = null
  for (let from = 0; from < 30_000; from += 100) {
    const page = await dealList(db, f, { size: '100', ...(cursor ? { after: cursor, from: String(from) } : {}) })
    cursor = page.nextCursor
    if (!cursor) throw new Error(`The deal list ends before row 30,000 (at ${from + page.rows.length}); seed the full scale data.`)
  }
  deepCursor = cursor
}
const deepSearch = () => ({ after: deepCursor!, from: '30000' })
const listRendered = (body: string) => (body.includes('data-testid="list-row"') ? null : 'no rows in the list table')

export const crmHotPaths: HotPath[] = [
  {
    suite: 'crm',
    name: 'board first load (admin, all owners)',
    budgetMs: 100,
    measure: 'http',
    http: (f) => ({ path: `/${f.orgSlug}/pipeline?owner=all`, as: 'admin', expect: boardRendered }),
    service: (db, f) => loadBoard(db, adminCtx(f), {}),
  },
  {
    suite: 'crm',
    name: 'board first load (rep, "mine")',
    budgetMs: 100,
    measure: 'http',
    http: (f) => ({ path: `/${f.orgSlug}/pipeline`, as: 'rep', expect: boardRendered }),
    service: (db, f) => loadBoard(db, repCtx(f), { ownerId: f.rep.id }),
  },
  {
    suite: 'crm',
    name: 'column "load more" (next page)',
    budgetMs: 100,
    measure: 'http',
    http: (f) => ({
      path: `/${f.orgSlug}/pipeline/column?stage=${f.column.stageId}&cursor=${encodeURIComponent(f.column.cursor)}&owner=all`,
      as: 'admin',
      expect: (body) => {
        const page = JSON.parse(body) as { cards?: unknown[] }
        return page.cards?.length === PAGE_SIZE ? null : `expected ${PAGE_SIZE} cards, got ${page.cards?.length ?? body.slice(0, 80)}`
      },
    }),
    service: (db, f) => loadColumnPage(db, adminCtx(f), f.column.stageId, f.column.cursor, {}),
  },
  {
    suite: 'crm',
    name: 'deal list, filtered (rep1, open)',
    budgetMs: 100,
    measure: 'http',
    pendingUntil: 'app/(app)/[orgSlug]/deals/page.tsx',
    http: (f) => ({ path: `/${f.orgSlug}/deals?${new URLSearchParams({ owner: f.rep.id, status: 'OPEN' })}`, as: 'admin', expect: listRendered }),
    service: (db, f) => dealList(db, f, { owner: f.rep.id, status: 'OPEN' }),
  },
  {
    suite: 'crm',
    name: 'deal list, rows 30,000-30,050',
    budgetMs: 100,
    measure: 'http',
    pendingUntil: 'app/(app)/[orgSlug]/deals/page.tsx',
    prepare: findDeepCursor,
    http: (f) => ({
      path: `/${f.orgSlug}/deals?${new URLSearchParams(deepSearch())}`,
      as: 'admin',
      // "Rows 30,001–30,050 of about 50,000": the cursor was followed, not ignored.
      expect: (body) => listRendered(body) ?? (body.includes('30,001') ? null : 'the page does not show row 30,001'),
    }),
    service: (db, f) => dealList(db, f, deepSearch()),
  },
  {
    suite: 'crm',
    // What the command palette asks at each pause in typing: the tight budget is for this.
    name: 'search as you type "nortwind" (palette)',
    budgetMs: 50,
    measure: 'http',
    http: (f) => ({
      path: `/api/orgs/${f.orgSlug}/search?q=${encodeURIComponent(f.searchTerm)}`,
      as: 'rep',
      expect: (body) => (/"title":"Northwind/.test(body) ? null : 'no Northwind hit in the answer'),
    }),
    service: (db, f) => searchCrm(db, repCtx(f), f.searchTerm, { limit: 5 }),
  },
  {
    suite: 'crm',
    // The full results page (20 of each type) is a page: the page budget.
    name: 'search page "nortwind"',
    budgetMs: 100,
    measure: 'http',
    http: (f) => ({ path: `/${f.orgSlug}/search?q=${encodeURIComponent(f.searchTerm)}`, as: 'rep', expect: (body) => (/northwind/i.test(body) ? null : 'no Northwind hit in the page') }),
    service: (db, f) => searchCrm(db, repCtx(f), f.searchTerm, { limit: 20 }),
  },
  {
    suite: 'crm',
    name: 'move a deal (server action service)',
    budgetMs: 40,
    measure: 'service',
    transaction: true,
    // Back and forth between two open stages, dropped between the first two cards; each move bumps the version.
    service: (tx, f, i) => {
      const target = i % 2 === 0 ? f.move.to : f.move.from
      const [afterId, beforeId] = target.firstIds
      return moveDeal(tx, repCtx(f), { dealId: f.move.dealId, stageId: target.stageId, version: f.move.version + i, afterId, beforeId })
    },
  },
]
