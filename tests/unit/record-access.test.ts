import { describe, expect, it } from 'vitest'
import { normalizeDomain } from '@/lib/crm/companies.schema'
import { canAssignOwner, canEditRecord, ownerChoices } from '@/lib/crm/record-access'

const me = 'me'
const colleague = 'colleague'

describe('canEditRecord', () => {
  it('lets a rep edit their own and unowned records, managers and admins all, delivery none', () => {
    expect(canEditRecord({ role: 'SALES', userId: me }, { ownerId: me })).toBe(true)
    expect(canEditRecord({ role: 'SALES', userId: me }, { ownerId: null })).toBe(true)
    expect(canEditRecord({ role: 'SALES', userId: me }, { ownerId: colleague })).toBe(false)
    expect(canEditRecord({ role: 'MANAGER', userId: me }, { ownerId: colleague })).toBe(true)
    expect(canEditRecord({ role: 'ADMIN', userId: me }, { ownerId: colleague })).toBe(true)
    expect(canEditRecord({ role: 'DELIVERY', userId: me }, { ownerId: null })).toBe(false)
  })
})

describe('canAssignOwner', () => {
  it('lets a rep take or release a record, never give it to a colleague', () => {
    expect(canAssignOwner({ role: 'SALES', userId: me }, me)).toBe(true)
    expect(canAssignOwner({ role: 'SALES', userId: me }, null)).toBe(true)
    expect(canAssignOwner({ role: 'SALES', userId: me }, colleague)).toBe(false)
    expect(canAssignOwner({ role: 'MANAGER', userId: me }, colleague)).toBe(true)
    expect(canAssignOwner({ role: 'DELIVERY', userId: me }, null)).toBe(false)
  })
})

describe('ownerChoices', () => {
  const members = [
    { userId: me, name: 'Sam', role: 'SALES' as const },
    { userId: colleague, name: 'Sofia', role: 'SALES' as const },
    { userId: 'dev', name: 'Dev', role: 'DELIVERY' as const },
  ]
  it('offers a rep only themselves, a manager everyone in sales', () => {
    expect(ownerChoices(members, { role: 'SALES', userId: me }, { none: true })).toEqual([
      { value: me, label: 'Sam (me)' },
      { value: '', label: 'No owner' },
    ])
    expect(ownerChoices(members, { role: 'MANAGER', userId: 'boss' }, { none: false }).map((o) => o.label)).toEqual(['Sam', 'Sofia'])
  })
})

describe('normalizeDomain', () => {
  it('keeps the host of what people paste', () => {
    expect(normalizeDomain('https://www.Example.com/about?x=1')).toBe('example.com')
    expect(normalizeDomain('  shop.example.co.uk.  ')).toBe('shop.example.co.uk')
    expect(normalizeDomain('example.com:8080/path')).toBe('example.com')
  })
})
