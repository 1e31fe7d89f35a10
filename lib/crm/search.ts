import 'server-only'
import type { Db } from '@/lib/db'
import type { Ctx } from '@/lib/authz'
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client'
import { MAX_QUERY_LENGTH, MIN_QUERY_LENGTH, SEARCH_TYPES, type SearchHit, type SearchType } from '@/lib/crm/search.schema'

// Typo-tolerant global search with pg_trgm's word similarity: `q <% column` holds when some
// stretch of the column is at least THRESHOLD trigram-similar to the query, so "nortwind"
// finds "Northwind Traders", and "north" (typed so far) finds it too. The conditions use
// exactly the expressions of the GIN indexes of the migrations (company_search_idx on name and
// domain, contact_search_idx on first_name || ' ' || last_name and the email's local part,
// deal_search_idx on title, all WHERE deleted_at IS NULL), so each type is a bitmap scan of
// its trigram index.
//
// Ranking needs the similarity of every candidate, and a GIN trigram match is rechecked on the
// row anyway, so the cost grows with the number of candidates. A query made of a word that half
// the table contains ("GmbH") would rank tens of thousands of rows: each type ranks at most
// CANDIDATES of them (any of them: they tie, mostly), while an exact company name or domain or
// contact email is always found through its btree index, however many records look alike. The
// cap is a row_number() run condition rather than a LIMIT: a LIMIT makes the planner hope for an
// early stop and pick a sequential scan that computes the similarity (costly, but costed as
// cheap) on every row of the table.

/** Candidates ranked per type: bounds the work of very broad queries. */
export const CANDIDATES = 500

/**
 * pg_trgm's default word-similarity threshold (0.6) misses one-letter typos in short names
 * ("nortwind" is 0.58 like "Northwind Traders"); 0.5 finds them. Every connection of the app's
 * pools sets it when it opens (lib/db.ts), so a search is one plain statement per type, with no
 * transaction around each to set it (four round trips instead of one).
 */
export const THRESHOLD = 0.5

/** The statement a connection runs when it opens, before any search. */
export const SEARCH_CONNECTION_SETUP = `SET pg_trgm.word_similarity_threshold = ${THRESHOLD}`

type Row = {
  type: SearchType
  id: string
  title: string
  subtitle: string | null
  amount_minor: bigint | null
  currency: string | null
  status: SearchHit['status']
  score: number
}

function companies(ctx: Ctx, q: string, limit: number) {
  return Prisma.sql`(
    SELECT 'company' AS type, h.id, h.name AS title, h.domain AS subtitle,
           NULL::bigint AS amount_minor, NULL::text AS currency, NULL::text AS status, h.score
    FROM (
      SELECT DISTINCT ON (u.id) u.* FROM (
        -- the exact name or domain, however many near matches there are (btree indexes)
        SELECT c.id, c.name, c.domain, 1::real AS score
        FROM company c
        WHERE c.org_id = ${ctx.orgId}::uuid AND c.deleted_at IS NULL
          AND (lower(c.name) = lower(${q}::text) OR (c.domain IS NOT NULL AND lower(c.domain) = lower(${q}::text)))
        UNION ALL
        SELECT ranked.id, ranked.name, ranked.domain, ranked.score FROM (
          SELECT c.id, c.name, c.domain,
                 GREATEST(word_similarity(${q}::text, c.name), word_similarity(${q}::text, coalesce(c.domain, ''))) AS score,
                 row_number() OVER () AS rn
          FROM company c
          WHERE c.org_id = ${ctx.orgId}::uuid AND c.deleted_at IS NULL
            AND (${q}::text <% c.name OR ${q}::text <% c.domain)
        ) ranked
        WHERE ranked.rn <= ${CANDIDATES}
      ) u
      ORDER BY u.id, u.score DESC
    ) h
    ORDER BY h.score DESC, length(h.name), h.name, h.id
    LIMIT ${limit})`
}

/**
 * Contacts by full name and by the local part of their email (trigrams), and by the exact
 * email. Not by the email's domain: that is the company's, which the company search finds, and
 * a company-name typo would otherwise match (and recheck) every address at that company. A
 * query with an @ is an address being typed: it matches emails that start with it (btree
 * prefix).
 */
function contacts(ctx: Ctx, q: string, limit: number) {
  const fullName = Prisma.sql`(c.first_name || ' ' || c.last_name)`
  const localPart = Prisma.sql`split_part(c.email, '@', 1)`
  const address = q.includes('@')
  const byEmail = address
    ? Prisma.sql`
        SELECT c.id, ${fullName} AS full_name, c.email, c.company_id, word_similarity(${q}::text, c.email) AS score
        FROM contact c
        WHERE c.org_id = ${ctx.orgId}::uuid AND c.deleted_at IS NULL AND c.email IS NOT NULL
          AND lower(c.email) LIKE ${likePrefix(q.toLowerCase())}
        LIMIT ${CANDIDATES}`
    : // the exact email, however many near matches there are (btree index)
      Prisma.sql`
        SELECT c.id, ${fullName} AS full_name, c.email, c.company_id, 1::real AS score
        FROM contact c
        WHERE c.org_id = ${ctx.orgId}::uuid AND c.deleted_at IS NULL AND c.email IS NOT NULL AND lower(c.email) = lower(${q}::text)`
  const similar = address
    ? Prisma.sql`${q}::text <% ${fullName}`
    : Prisma.sql`(${q}::text <% ${fullName} OR ${q}::text <% ${localPart})`
  const score = address
    ? Prisma.sql`word_similarity(${q}::text, ${fullName})`
    : Prisma.sql`GREATEST(word_similarity(${q}::text, ${fullName}), word_similarity(${q}::text, coalesce(${localPart}, '')))`
  return Prisma.sql`(
    SELECT 'contact' AS type, h.id, trim(h.full_name) AS title, nullif(concat_ws(' · ', h.email, co.name), '') AS subtitle,
           NULL::bigint AS amount_minor, NULL::text AS currency, NULL::text AS status, h.score
    FROM (
      SELECT * FROM (
        SELECT DISTINCT ON (u.id) u.* FROM (
          (${byEmail})
          UNION ALL
          SELECT ranked.id, ranked.full_name, ranked.email, ranked.company_id, ranked.score FROM (
            SELECT c.id, ${fullName} AS full_name, c.email, c.company_id, ${score} AS score, row_number() OVER () AS rn
            FROM contact c
            WHERE c.org_id = ${ctx.orgId}::uuid AND c.deleted_at IS NULL AND ${similar}
          ) ranked
          WHERE ranked.rn <= ${CANDIDATES}
        ) u
        ORDER BY u.id, u.score DESC
      ) best
      ORDER BY best.score DESC, length(best.full_name), best.full_name, best.id
      LIMIT ${limit}
    ) h
    LEFT JOIN company co ON co.id = h.company_id AND co.org_id = ${ctx.orgId}::uuid AND co.deleted_at IS NULL
    ORDER BY h.score DESC, length(h.full_name), h.full_name, h.id)`
}

/** `anna_b@x` -> `anna\_b@x%`: a LIKE pattern for what starts with the text. */
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

function deals(ctx: Ctx, q: string, limit: number) {
  return Prisma.sql`(
    SELECT 'deal' AS type, h.id, h.title, nullif(concat_ws(' · ', co.name, s.name), '') AS subtitle,
           h.amount_minor, h.currency::text, h.status::text, h.score
    FROM (
      SELECT * FROM (
        SELECT d.id, d.title, d.company_id, d.stage_id, d.amount_minor, d.currency, d.status,
               word_similarity(${q}::text, d.title) AS score,
               row_number() OVER () AS rn
        FROM deal d
        WHERE d.org_id = ${ctx.orgId}::uuid AND d.deleted_at IS NULL AND ${q}::text <% d.title
      ) ranked
      WHERE ranked.rn <= ${CANDIDATES}
      ORDER BY ranked.score DESC, length(ranked.title), ranked.title, ranked.id
      LIMIT ${limit}
    ) h
    JOIN pipeline_stage s ON s.id = h.stage_id
    LEFT JOIN company co ON co.id = h.company_id AND co.org_id = ${ctx.orgId}::uuid AND co.deleted_at IS NULL
    ORDER BY h.score DESC, length(h.title), h.title, h.id)`
}

const builders = { company: companies, contact: contacts, deal: deals }
const typeOrder: Record<SearchType, number> = { company: 0, contact: 1, deal: 2 }

/** The query as searched: trimmed, inner whitespace collapsed, at most MAX_QUERY_LENGTH characters. */
export function normalizeQuery(q: string): string {
  return q.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH)
}

/** A client (which can run the types on separate connections), not a transaction already open. */
const isClient = (db: Db): db is PrismaClient => typeof (db as Partial<PrismaClient>).$transaction === 'function'

type SearchOptions = { limit?: number; types?: readonly SearchType[] }

/** One statement per searched type, or null when the query is too short to search. */
function searchStatements(ctx: Ctx, q: string, { limit = 5, types = SEARCH_TYPES }: SearchOptions = {}): Prisma.Sql[] | null {
  const query = normalizeQuery(q)
  if (query.length < MIN_QUERY_LENGTH || types.length === 0) return null
  const perType = Math.min(Math.max(Math.trunc(limit), 1), 50)
  return [...new Set(types)].map((type) => builders[type](ctx, query, perType))
}

/** The whole search as one statement (the index-use test explains it). */
export function searchSql(ctx: Ctx, q: string, options: SearchOptions = {}): Prisma.Sql | null {
  const statements = searchStatements(ctx, q, options)
  return statements && Prisma.join(statements, ' UNION ALL ')
}

/**
 * Live companies (name, domain), contacts (full name, email) and deals (title) of the
 * organization that resemble `q`, best first: at most `limit` of each type. Given a client,
 * the types are searched side by side on separate connections, so a search takes as long as
 * its slowest type, not their sum; given a transaction, one after the other in it.
 */
export async function searchCrm(db: Db, ctx: Ctx, q: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const statements = searchStatements(ctx, q, options)
  if (!statements) return []
  let rows: Row[]
  if (isClient(db)) {
    rows = (await Promise.all(statements.map((sql) => db.$queryRaw<Row[]>(sql)))).flat()
  } else {
    rows = []
    for (const sql of statements) rows.push(...(await db.$queryRaw<Row[]>(sql)))
  }
  return rows
    .map(
      (r): SearchHit => ({
        type: r.type,
        id: r.id,
        title: r.title,
        subtitle: r.subtitle,
        amountMinor: r.amount_minor === null ? null : r.amount_minor.toString(),
        currency: r.currency?.trim() ?? null,
        status: r.status,
        score: Number(r.score),
      }),
    )
    .sort((a, b) => b.score - a.score || typeOrder[a.type] - typeOrder[b.type] || a.title.length - b.title.length)
}
