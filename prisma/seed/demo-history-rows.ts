// The demo history's planned deals as rows for ONE insert statement (lib/pm/sql-batch.ts):
// deals, line items, deal contacts and audit entries with their historical timestamps.
import type { Column, TableRows } from '../../lib/pm/sql-batch'
import type { PlannedDeal } from './demo-history-deals'

const uuid = (name: string): Column => ({ name, type: 'uuid' })
const text = (name: string): Column => ({ name, type: 'text' })
const instant = (name: string): Column => ({ name, type: 'timestamptz' })

export type AuditEntry = { actorId: string | null; entityType: string; entityId: string; action: string; changes: Record<string, unknown>; at: Date }

const AUDIT_COLUMNS = [uuid('id'), uuid('org_id'), uuid('actor_id'), text('entity_type'), uuid('entity_id'), text('action'), { name: 'changes', type: 'jsonb' }, instant('created_at')]

/** Audit entries written at the time they happened (activityRows writes them at now()). */
export function auditTable(orgId: string, entries: AuditEntry[]): TableRows {
  return {
    table: 'activity_log',
    columns: AUDIT_COLUMNS,
    rows: entries.map((e) => ({ id: crypto.randomUUID(), org_id: orgId, actor_id: e.actorId, entity_type: e.entityType, entity_id: e.entityId, action: e.action, changes: e.changes, created_at: e.at.toISOString() })),
  }
}

const DEAL_COLUMNS: Column[] = [
  ...['id', 'org_id', 'pipeline_id', 'stage_id', 'owner_id', 'company_id', 'lost_reason_id'].map(uuid),
  text('title'),
  text('currency'),
  text('lost_note'),
  { name: 'amount_minor', type: 'bigint' },
  { name: 'status', type: 'text', cast: '"DealStatus"' },
  { name: 'deal_type', type: 'text', cast: '"DealType"' },
  { name: 'probability', type: 'int' },
  { name: 'version', type: 'int' },
  { name: 'position', type: 'float8' },
  { name: 'expected_close_on', type: 'date' },
  ...['closed_at', 'stage_entered_at', 'created_at', 'updated_at'].map(instant),
]

const LINE_COLUMNS: Column[] = [
  ...['id', 'org_id', 'deal_id', 'product_id'].map(uuid),
  text('name'),
  { name: 'quantity', type: 'int' },
  { name: 'unit_price_minor', type: 'bigint' },
  { name: 'discount_bp', type: 'int' },
  { name: 'position', type: 'float8' },
  instant('created_at'),
]

const CONTACT_COLUMNS: Column[] = [...['org_id', 'deal_id', 'contact_id'].map(uuid), { name: 'role', type: 'text', cast: '"DealContactRole"' }, instant('created_at')]

/**
 * Board positions: closed deals newest first in their Won/Lost column, below the cards already
 * there; open ones below the demo's open deals.
 */
function positions(deals: PlannedDeal[]): Map<string, number> {
  const byStage = new Map<string, PlannedDeal[]>()
  for (const d of deals) byStage.set(d.stage.id, [...(byStage.get(d.stage.id) ?? []), d])
  const result = new Map<string, number>()
  for (const list of byStage.values()) {
    const ordered = [...list].sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0) || b.createdAt.getTime() - a.createdAt.getTime())
    ordered.forEach((d, i) => result.set(d.id, (d.closedAt ? 16 : 256) * 1024 + i * 1024))
  }
  return result
}

export function dealTables(orgId: string, currency: string, deals: PlannedDeal[]): TableRows[] {
  const position = positions(deals)
  return [
    {
      table: 'deal',
      columns: DEAL_COLUMNS,
      rows: deals.map((d) => ({
        id: d.id,
        org_id: orgId,
        pipeline_id: d.pipeline.id,
        stage_id: d.stage.id,
        owner_id: d.ownerId,
        company_id: d.company.id,
        lost_reason_id: d.lostReasonId,
        title: d.title,
        currency,
        lost_note: d.lostNote,
        amount_minor: d.amountMinor.toString(),
        status: d.status,
        deal_type: d.dealType,
        probability: d.stage.probability,
        version: d.log.length,
        position: position.get(d.id)!,
        expected_close_on: d.expectedCloseOn,
        closed_at: d.closedAt?.toISOString() ?? null,
        stage_entered_at: d.stageEnteredAt.toISOString(),
        created_at: d.createdAt.toISOString(),
        updated_at: d.log.at(-1)!.at.toISOString(),
      })),
    },
    {
      table: 'deal_line_item',
      columns: LINE_COLUMNS,
      rows: deals.flatMap((d) =>
        d.lines.map((l, i) => ({
          id: crypto.randomUUID(),
          org_id: orgId,
          deal_id: d.id,
          product_id: l.productId,
          name: l.name,
          quantity: l.quantity,
          unit_price_minor: l.unitPriceMinor.toString(),
          discount_bp: l.discountBp,
          position: (i + 1) * 1024,
          created_at: d.createdAt.toISOString(),
        })),
      ),
    },
    {
      table: 'deal_contact',
      columns: CONTACT_COLUMNS,
      rows: deals.flatMap((d) => d.contacts.map((c) => ({ org_id: orgId, deal_id: d.id, contact_id: c.contactId, role: c.role, created_at: d.createdAt.toISOString() }))),
    },
    auditTable(
      orgId,
      deals.flatMap((d) => d.log.map((e) => ({ actorId: d.ownerId, entityType: 'deal', entityId: d.id, action: e.action, changes: e.changes, at: e.at }))),
    ),
  ]
}
