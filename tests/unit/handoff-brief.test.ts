import { describe, expect, it } from 'vitest'
import { briefMarkdown, type HandoffSnapshot } from '@/lib/handoff/brief'

const snapshot: HandoffSnapshot = {
  version: 1,
  takenAt: '2026-03-06T10:00:00.000Z',
  deal: { id: 'd', title: 'Northwind rollout', dealType: 'New business', pipeline: 'Enterprise', closeOn: '2026-03-06', amountMinor: '1470000', currency: 'EUR' },
  owner: { id: 'u', name: 'Sam Sales', email: 'sam@acme.test' },
  company: { id: 'c', name: 'Northwind Traders', domain: 'northwind.example' },
  lineItems: [
    { name: 'Onboarding Pro', quantity: 1, unitPriceMinor: '1200000', discountBp: 0, totalMinor: '1200000' },
    { name: 'Training | day', quantity: 2, unitPriceMinor: '150000', discountBp: 1000, totalMinor: '270000' },
  ],
  contacts: [{ id: 'k', name: 'Elif Yilmaz', role: 'Champion', email: 'elif@northwind.example', phone: null, jobTitle: 'COO' }],
  commitments: 'Go live before the trade fair.',
  notes: [{ kind: 'Note', subject: null, body: 'Needs SSO\non day one.', at: '2026-03-05T09:00:00.000Z', author: 'Sam Sales' }],
}

describe('the handoff brief in Markdown', () => {
  it('carries what was sold, promised, who to talk to, and the last notes', () => {
    const md = briefMarkdown(snapshot)
    expect(md).toContain('**Northwind rollout** — New business in the Enterprise pipeline, won Mar 6, 2026 by Sam Sales (sam@acme.test).')
    expect(md).toContain('Customer: **Northwind Traders** (northwind.example).')
    expect(md).toContain('| Onboarding Pro | 1 | €12,000.00 | — | €12,000.00 |')
    // a pipe in a product name does not break the table
    expect(md).toContain('| Training \\| day | 2 | €1,500.00 | 10 % | €2,700.00 |')
    expect(md).toContain('| **Total** | | | | **€14,700.00** |')
    expect(md).toContain('Go live before the trade fair.')
    expect(md).toContain('- **Elif Yilmaz** — Champion, COO · elif@northwind.example')
    expect(md).toContain('- Mar 5, 2026 · Note by Sam Sales: Needs SSO on day one.')
  })

  it('says plainly when nothing was promised or no line items exist', () => {
    const md = briefMarkdown({ ...snapshot, lineItems: [], commitments: '  ', contacts: [], notes: [] })
    expect(md).toContain('No line items; amount €14,700.00.')
    expect(md).toContain('_Nothing recorded on the deal._')
    expect(md).toContain('_No contacts on the deal._')
    expect(md).not.toContain('Last notes')
  })
})
