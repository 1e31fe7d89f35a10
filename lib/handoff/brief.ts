// The handoff brief: what sales sold and promised, frozen when the deal is won (a snapshot:
// editing the deal later does not change it), and the Markdown the project's brief starts
// from. Pure: the snapshot is read in lib/handoff/snapshot.ts.
import { formatDay, type Day } from '@/lib/dates'
import { formatMoney } from '@/lib/money'

export type HandoffSnapshot = {
  version: 1
  takenAt: string
  deal: { id: string; title: string; dealType: string; pipeline: string; closeOn: Day; amountMinor: string; currency: string }
  owner: { id: string; name: string; email: string }
  company: { id: string; name: string; domain: string | null } | null
  lineItems: { name: string; quantity: number; unitPriceMinor: string; discountBp: number; totalMinor: string }[]
  contacts: { id: string; name: string; role: string; email: string | null; phone: string | null; jobTitle: string | null }[]
  commitments: string | null
  notes: { kind: string; subject: string | null; body: string | null; at: string; author: string | null }[]
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function briefMarkdown(s: HandoffSnapshot): string {
  const money = (minor: string) => formatMoney(minor, s.deal.currency)
  const lines: string[] = []
  lines.push(`## Handoff from sales`, '')
  lines.push(`**${s.deal.title}** — ${s.deal.dealType} in the ${s.deal.pipeline} pipeline, won ${formatDay(s.deal.closeOn)} by ${s.owner.name} (${s.owner.email}).`)
  if (s.company) lines.push(`Customer: **${s.company.name}**${s.company.domain ? ` (${s.company.domain})` : ''}.`)
  lines.push('', `### What was sold`, '')
  if (s.lineItems.length === 0) lines.push(`No line items; amount ${money(s.deal.amountMinor)}.`)
  else {
    lines.push('| Item | Qty | Unit price | Discount | Total |', '|---|---:|---:|---:|---:|')
    for (const item of s.lineItems) {
      lines.push(`| ${cell(item.name)} | ${item.quantity} | ${money(item.unitPriceMinor)} | ${item.discountBp ? `${item.discountBp / 100} %` : '—'} | ${money(item.totalMinor)} |`)
    }
    lines.push(`| **Total** | | | | **${money(s.deal.amountMinor)}** |`)
  }
  lines.push('', `### What was promised`, '', s.commitments?.trim() ? s.commitments.trim() : '_Nothing recorded on the deal._')
  lines.push('', `### People`, '')
  if (s.contacts.length === 0) lines.push('_No contacts on the deal._')
  for (const c of s.contacts) {
    const reach = [c.email, c.phone].filter(Boolean).join(', ')
    lines.push(`- **${c.name}** — ${c.role}${c.jobTitle ? `, ${c.jobTitle}` : ''}${reach ? ` · ${reach}` : ''}`)
  }
  if (s.notes.length) {
    lines.push('', `### Last notes from the deal`, '')
    for (const n of s.notes) {
      const head = `${formatDay(n.at.slice(0, 10))} · ${n.kind}${n.author ? ` by ${n.author}` : ''}${n.subject ? ` — ${n.subject}` : ''}`
      lines.push(`- ${head}${n.body ? `: ${n.body.trim().replace(/\s*\n\s*/g, ' ')}` : ''}`)
    }
  }
  return lines.join('\n')
}
