// The bulk steps of the scale seed: each one INSERT ... SELECT generating its rows inside
// PostgreSQL from generate_series, with deterministic pseudo-random values (scripts/scale/sql.ts).
// Parameter $1 is always the organization id (the deterministic uuids are derived from it).
import { lit, pick, rnd, skewed, uid, weighted } from './sql'
import * as w from './words'

export type Exec = (sql: string, ...values: unknown[]) => Promise<number>

export type BulkContext = {
  exec: Exec
  orgId: string
  currency: string
  /** sales reps' user ids: they own the companies, contacts and deals */
  reps: string[]
  /** the two pipelines: index 0 default ("New business"), 1 "Enterprise" */
  pipelineIds: [string, string]
  /** lost reason ids, most common first */
  lostReasonIds: string[]
  companies: number
  contacts: number
  deals: number
  activitiesPerDeal: number
}

const ownerOf = (r: string) => `($2::uuid[])[${skewed(r, 'cardinality($2::uuid[])', 1.3)}]`

export async function insertCompanies(b: BulkContext) {
  const g = 'g'
  return b.exec(
    `INSERT INTO company (id, org_id, name, domain, industry, size_band, address, country, owner_id, notes, created_at, updated_at, deleted_at)
     SELECT ${uid('company', g)}, $1::uuid, x.name,
            CASE WHEN ${rnd(g, 3)} < 0.92 THEN regexp_replace(lower(x.base), '[^a-z0-9]+', '-', 'g') || '-' || g || '.example' END,
            ${pick(w.INDUSTRIES, rnd(g, 4))},
            ${weighted([["'S1_10'", 15], ["'S11_50'", 30], ["'S51_200'", 30], ["'S201_1000'", 17], ["'S1001_PLUS'", 8]], rnd(g, 5))}::"CompanySize",
            (1 + floor(${rnd(g, 6)} * 180))::int || ' ' || ${pick(w.STREETS, rnd(g, 7))} || ', ' || ${pick(w.CITIES, rnd(g, 8))},
            ${weighted(w.COUNTRIES.map(([c, n]) => [lit(c), n] as const), rnd(g, 9))},
            ${ownerOf(rnd(g, 10))},
            CASE WHEN ${rnd(g, 11)} < 0.2 THEN ${pick(w.COMPANY_NOTES, rnd(g, 12))} END,
            x.created_at, x.created_at + ${rnd(g, 13)} * (now() - x.created_at),
            CASE WHEN ${rnd(g, 14)} < 0.01 THEN now() - ${rnd(g, 15)} * interval '60 days' END
     FROM generate_series(1, ${b.companies}) AS g
     CROSS JOIN LATERAL (
       SELECT ${pick(w.COMPANY_PREFIXES, rnd(g, 1))} || ' ' || ${pick(w.COMPANY_SECTORS, rnd(g, 2))} AS base,
              now() - ${rnd(g, 16)} * interval '1100 days' AS created_at
     ) x0
     CROSS JOIN LATERAL (SELECT x0.base, trim(x0.base || ' ' || ${pick(w.LEGAL_SUFFIXES, rnd(g, 17))}) AS name, x0.created_at) x`,
    b.orgId,
    b.reps,
  )
}

/** Contact n belongs to company ((n - 1) mod companies) + 1, unless it has none (8 %): company k's contacts are k, k + C, k + 2C ... */
export async function insertContacts(b: BulkContext) {
  const g = 'g'
  return b.exec(
    `INSERT INTO contact (id, org_id, first_name, last_name, email, phone, job_title, company_id, owner_id, created_at, updated_at, deleted_at)
     SELECT ${uid('contact', g)}, $1::uuid, x.first, x.last,
            CASE WHEN ${rnd(g, 23)} < 0.95 THEN lower(x.first || '.' || x.last || '.' || g) || '@' || coalesce(c.domain, 'mail.example') END,
            '+49 ' || (30 + floor(${rnd(g, 24)} * 900))::int || ' ' || (1000000 + floor(${rnd(g, 25)} * 8999999))::int,
            CASE WHEN ${rnd(g, 26)} < 0.85 THEN ${pick(w.JOB_TITLES, rnd(g, 27))} END,
            c.id, coalesce(c.owner_id, ${ownerOf(rnd(g, 28))}),
            x.created_at, x.created_at + ${rnd(g, 29)} * (now() - x.created_at),
            CASE WHEN ${rnd(g, 30)} < 0.01 THEN now() - ${rnd(g, 31)} * interval '60 days' END
     FROM generate_series(1, ${b.contacts}) AS g
     CROSS JOIN LATERAL (
       SELECT ${pick(w.FIRST_NAMES, rnd(g, 20))} AS first, ${pick(w.LAST_NAMES, rnd(g, 21))} AS last,
              CASE WHEN ${rnd(g, 22)} < 0.08 THEN NULL ELSE ((g - 1) % ${b.companies}) + 1 END AS company_no,
              now() - ${rnd(g, 32)} * interval '1000 days' AS created_at
     ) x
     LEFT JOIN company c ON c.id = ${uid('company', 'x.company_no')}`,
    b.orgId,
    b.reps,
  )
}

/**
 * Working tables for the deals: their stages, the product catalogue by number, each deal's
 * drawn attributes (scale_deal) and line items (scale_line), so a deal's amount is the sum
 * of its line items without updating 50,000 rows afterwards. Dropped at commit.
 */
export async function prepareDeals(b: BulkContext, skus: string[]) {
  await b.exec(
    `CREATE TEMP TABLE scale_stage ON COMMIT DROP AS
     SELECT p.pipe, s.id, s.pipeline_id, s.name, s.probability, s.kind::text AS kind,
            row_number() OVER (PARTITION BY s.pipeline_id, s.kind ORDER BY s.position)::int AS kind_idx
     FROM pipeline_stage s JOIN (VALUES ($2::uuid, 0), ($3::uuid, 1)) AS p(id, pipe) ON p.id = s.pipeline_id
     WHERE s.org_id = $1::uuid`,
    b.orgId,
    b.pipelineIds[0],
    b.pipelineIds[1],
  )
  await b.exec(
    `CREATE TEMP TABLE scale_product ON COMMIT DROP AS
     SELECT u.no::int AS no, p.id, p.name, p.sku, p.unit_price_minor AS price
     FROM unnest($2::text[]) WITH ORDINALITY AS u(sku, no) JOIN product p ON p.sku = u.sku AND p.org_id = $1::uuid`,
    b.orgId,
    skus,
  )
  const g = 'g'
  await b.exec(
    `CREATE TEMP TABLE scale_deal ON COMMIT DROP AS
     SELECT g, x.pipe, x.status, x.open_idx, x.company_no, x.owner_no, x.deal_type, x.overridden, y.closed_at, y.created_at,
            CASE WHEN x.status = 'OPEN' THEN current_date + (-45 + floor(${rnd(g, 48)} * 410))::int
                 ELSE y.closed_at::date + (-20 + floor(${rnd(g, 48)} * 41))::int END AS expected_close_on,
            CASE WHEN x.status = 'OPEN' THEN y.created_at + ${rnd(g, 49)} * (now() - y.created_at) ELSE y.closed_at END AS stage_entered_at,
            (1 + floor(${rnd(g, 50)} * 4))::int AS version,
            CASE WHEN ${rnd(g, 51)} < 0.01 THEN now() - ${rnd(g, 52)} * interval '30 days' END AS deleted_at
     FROM generate_series(1, ${b.deals}) AS g
     CROSS JOIN LATERAL (
       SELECT CASE WHEN ${rnd(g, 40)} < 0.7 THEN 0 ELSE 1 END AS pipe,
              ${weighted([["'OPEN'", 65], ["'WON'", 17], ["'LOST'", 18]], rnd(g, 41))} AS status,
              ${weighted([['1', 35], ['2', 28], ['3', 22], ['4', 15]], rnd(g, 42))} AS open_idx,
              CASE WHEN ${rnd(g, 43)} < 0.04 THEN NULL ELSE ${skewed(rnd(g, 44), b.companies, 1.5)} END AS company_no,
              ${skewed(rnd(g, 45), 'cardinality($1::uuid[])', 1.3)} AS owner_no,
              ${weighted([["'NEW_BUSINESS'", 60], ["'EXPANSION'", 25], ["'RENEWAL'", 15]], rnd(g, 46))} AS deal_type,
              ${rnd(g, 53)} < 0.1 AS overridden
     ) x
     CROSS JOIN LATERAL (
       SELECT CASE WHEN x.status <> 'OPEN' THEN now() - ${rnd(g, 47)} * interval '365 days' END AS closed_at
     ) c
     CROSS JOIN LATERAL (
       SELECT c.closed_at,
              CASE WHEN x.status = 'OPEN' THEN now() - (5 + ${rnd(g, 54)} * 395) * interval '1 day'
                   ELSE c.closed_at - (15 + ${rnd(g, 54)} * 285) * interval '1 day' END AS created_at
     ) y`,
    b.reps,
  )
  const line = '(d.g * 4 + l.n)'
  const products = skus.length
  await b.exec(
    `CREATE TEMP TABLE scale_line ON COMMIT DROP AS
     SELECT d.g, l.n AS position, p.id AS product_id, p.name, p.price, q.quantity, q.discount_bp,
            (q.quantity::bigint * p.price * (10000 - q.discount_bp) + 5000) / 10000 AS total
     FROM scale_deal d
     CROSS JOIN LATERAL generate_series(1, 1 + floor(${rnd('d.g', 60)} * 3)::int) AS l(n)
     JOIN scale_product p ON p.no = 1 + floor(${rnd(line, 61)} * ${products})::int
     CROSS JOIN LATERAL (
       SELECT CASE WHEN p.sku LIKE 'LIC-%' THEN (5 + floor(${rnd(line, 62)} * 200))::int * (1 + 2 * d.pipe)
                   WHEN p.sku LIKE '%-DAY' THEN (1 + floor(${rnd(line, 62)} * 10))::int
                   WHEN p.sku = 'SVC-MANAGED' THEN 12
                   ELSE 1 END AS quantity,
              ${weighted([['0', 60], ['500', 15], ['1000', 15], ['1500', 6], ['2000', 4]], rnd(line, 63))} AS discount_bp
     ) q`,
  )
  for (const table of ['scale_stage', 'scale_product', 'scale_deal', 'scale_line']) await b.exec(`ANALYZE ${table}`)
}

/** Deals: status from the stage kind, amount = sum of line items, positions with gaps in close-date order per stage. */
export async function insertDeals(b: BulkContext) {
  const g = 'd.g'
  return b.exec(
    `INSERT INTO deal (id, org_id, title, amount_minor, currency, pipeline_id, stage_id, status, probability, probability_overridden,
                       expected_close_on, closed_at, owner_id, company_id, deal_type, commitments, lost_reason_id, lost_note,
                       position, stage_entered_at, version, created_at, updated_at, deleted_at)
     SELECT ${uid('deal', g)}, $1::uuid,
            coalesce(split_part(c.name, ' ', 1) || ' ' || split_part(c.name, ' ', 2), 'Inbound lead ' || d.g) || ' ' || ${pick(w.DEAL_NOUNS, rnd(g, 70))},
            a.amount, $2, s.pipeline_id, s.id, d.status::"DealStatus",
            CASE WHEN d.status <> 'OPEN' OR NOT d.overridden THEN s.probability
                 ELSE least(95, greatest(5, s.probability + (floor(${rnd(g, 71)} * 31) - 15)::int)) END,
            d.status = 'OPEN' AND d.overridden,
            d.expected_close_on, d.closed_at, ($3::uuid[])[d.owner_no], c.id, d.deal_type::"DealType",
            CASE WHEN ${rnd(g, 72)} < 0.25 THEN ${pick(w.COMMITMENTS, rnd(g, 73))} END,
            CASE WHEN d.status = 'LOST' THEN ($4::uuid[])[${skewed(rnd(g, 74), 'cardinality($4::uuid[])', 1.2)}] END,
            CASE WHEN d.status = 'LOST' AND ${rnd(g, 75)} < 0.4 THEN ${pick(w.LOST_NOTES, rnd(g, 76))} END,
            row_number() OVER (PARTITION BY s.id ORDER BY d.expected_close_on, d.g) * 1024 + floor(${rnd(g, 77)} * 512),
            d.stage_entered_at, d.version, d.created_at, greatest(d.stage_entered_at, d.created_at), d.deleted_at
     FROM scale_deal d
     JOIN scale_stage s ON s.pipe = d.pipe AND s.kind = d.status AND s.kind_idx = CASE WHEN d.status = 'OPEN' THEN d.open_idx ELSE 1 END
     JOIN (SELECT g, sum(total) AS amount FROM scale_line GROUP BY g) a ON a.g = d.g
     LEFT JOIN company c ON c.id = ${uid('company', 'd.company_no')}`,
    b.orgId,
    b.currency,
    b.reps,
    b.lostReasonIds,
  )
}

export async function insertLineItems(b: BulkContext) {
  return b.exec(
    `INSERT INTO deal_line_item (id, org_id, deal_id, product_id, name, quantity, unit_price_minor, discount_bp, position, created_at)
     SELECT ${uid('line', 'l.g * 4 + l.position')}, $1::uuid, ${uid('deal', 'l.g')}, l.product_id, l.name, l.quantity, l.price, l.discount_bp, l.position, d.created_at
     FROM scale_line l JOIN scale_deal d ON d.g = l.g`,
    b.orgId,
  )
}

/** The j-th contact of deal n: one of its company's contacts (k, k + C, ...), or any contact when it has no company. */
function dealContactNo(b: BulkContext, n: string, j: string) {
  const r = rnd(`${n} * 4 + ${j}`, 81)
  return `(CASE WHEN d.company_no IS NULL THEN 1 + floor(${r} * ${b.contacts})::int
               ELSE d.company_no + ${b.companies} * floor(${r} * (floor((${b.contacts} - d.company_no)::float8 / ${b.companies}) + 1))::int END)`
}

export async function insertDealContacts(b: BulkContext) {
  return b.exec(
    `INSERT INTO deal_contact (org_id, deal_id, contact_id, role, created_at)
     SELECT $1::uuid, ${uid('deal', 'd.g')}, ${uid('contact', dealContactNo(b, 'd.g', 'j.n'))},
            (CASE WHEN j.n = 1 THEN 'DECISION_MAKER'
                  ELSE ${weighted([["'CHAMPION'", 35], ["'TECHNICAL'", 25], ["'BILLING'", 20], ["'USER'", 20]], rnd('d.g * 4 + j.n', 82))} END)::"DealContactRole",
            d.created_at
     FROM scale_deal d CROSS JOIN LATERAL generate_series(1, 1 + floor(${rnd('d.g', 80)} * 3)::int) AS j(n)
     ON CONFLICT DO NOTHING`,
    b.orgId,
  )
}

/** Notes, calls, emails, meetings and follow-up tasks on each deal (0 .. 2x the average), between its creation and its close. */
export async function insertActivities(b: BulkContext) {
  if (b.activitiesPerDeal === 0) return 0
  const a = 'd.g * 64 + a.n'
  const subjects = (kind: keyof typeof w.ACTIVITY_SUBJECTS) => pick(w.ACTIVITY_SUBJECTS[kind], rnd(a, 93))
  return b.exec(
    `INSERT INTO activity (id, org_id, kind, subject, body, occurred_at, due_on, assignee_id, done_at, deal_id, contact_id, company_id, author_id, created_at)
     SELECT ${uid('activity', a)}, $1::uuid, k.kind::"ActivityKind",
            CASE k.kind WHEN 'NOTE' THEN ${subjects('NOTE')} WHEN 'CALL' THEN ${subjects('CALL')} WHEN 'EMAIL' THEN ${subjects('EMAIL')}
                        WHEN 'MEETING' THEN ${subjects('MEETING')} ELSE ${subjects('TASK')} END,
            CASE WHEN k.kind <> 'TASK' THEN ${pick(w.COMPANY_NOTES, rnd(a, 94))} END,
            k.occurred_at, k.due_on, CASE WHEN k.kind = 'TASK' THEN ($2::uuid[])[d.owner_no] END,
            CASE WHEN k.kind = 'TASK' AND k.due_on < current_date AND ${rnd(a, 95)} < 0.8 THEN k.due_on + interval '10 hours' END,
            ${uid('deal', 'd.g')}, ${uid('contact', dealContactNo(b, 'd.g', '1'))}, ${uid('company', 'd.company_no')},
            ($2::uuid[])[d.owner_no], k.occurred_at
     FROM scale_deal d
     CROSS JOIN LATERAL generate_series(1, floor(${rnd('d.g', 90)} * ${2 * b.activitiesPerDeal + 1})::int) AS a(n)
     CROSS JOIN LATERAL (
       SELECT x.kind, x.occurred_at, CASE WHEN x.kind = 'TASK' THEN x.occurred_at::date + (1 + floor(${rnd(a, 92)} * 14))::int END AS due_on
       FROM (SELECT ${weighted([["'NOTE'", 35], ["'CALL'", 25], ["'EMAIL'", 20], ["'MEETING'", 10], ["'TASK'", 10]], rnd(a, 91))} AS kind,
                    d.created_at + ${rnd(a, 96)} * (coalesce(d.closed_at, now()) - d.created_at) AS occurred_at) x
     ) k`,
    b.orgId,
    b.reps,
  )
}

/** The audit trail the timeline weaves in: each deal's creation and, for closed deals, the move to Won/Lost. */
export async function insertAuditTrail(b: BulkContext) {
  return b.exec(
    `INSERT INTO activity_log (id, org_id, actor_id, entity_type, entity_id, action, changes, created_at)
     SELECT ${uid('log-created', 'd.g')}, $1::uuid, dl.owner_id, 'deal', dl.id, 'deal.created',
            jsonb_build_object('title', dl.title, 'amountMinor', dl.amount_minor::text, 'stageId', first_open.id), dl.created_at
     FROM scale_deal d
     JOIN deal dl ON dl.id = ${uid('deal', 'd.g')}
     JOIN scale_stage first_open ON first_open.pipe = d.pipe AND first_open.kind = 'OPEN' AND first_open.kind_idx = 1
     UNION ALL
     SELECT ${uid('log-closed', 'd.g')}, $1::uuid, dl.owner_id, 'deal', dl.id, 'deal.stage_changed',
            jsonb_build_object('stage', jsonb_build_object('from', last_open.name, 'to', s.name),
                               'stageId', jsonb_build_object('from', last_open.id, 'to', s.id),
                               'status', jsonb_build_object('from', 'OPEN', 'to', d.status)), d.closed_at
     FROM scale_deal d
     JOIN deal dl ON dl.id = ${uid('deal', 'd.g')}
     JOIN scale_stage s ON s.id = dl.stage_id
     JOIN scale_stage last_open ON last_open.pipe = d.pipe AND last_open.kind = 'OPEN' AND last_open.kind_idx = 4
     WHERE d.status <> 'OPEN'`,
    b.orgId,
  )
}
