import { describe, expect, it } from 'vitest'
import { can, ROLES, type Permission } from '@/lib/permissions'

describe('permissions', () => {
  it('lets only admins manage members', () => {
    expect(ROLES.filter((role) => can(role, 'members:manage'))).toEqual(['ADMIN'])
  })

  it('lets sales change the CRM but not projects, and delivery the reverse', () => {
    expect(can('SALES', 'crm:write')).toBe(true)
    expect(can('SALES', 'projects:write')).toBe(false)
    expect(can('DELIVERY', 'projects:write')).toBe(true)
    expect(can('DELIVERY', 'crm:write')).toBe(false)
  })

  it('gives managers everything but member and organization management', () => {
    const all: Permission[] = ['org:read', 'crm:read', 'crm:write', 'crm:configure', 'projects:read', 'projects:write', 'dashboards:sales', 'dashboards:delivery', 'dashboards:won-to-live']
    expect(all.every((p) => can('MANAGER', p))).toBe(true)
    expect(can('MANAGER', 'members:manage')).toBe(false)
    expect(can('MANAGER', 'org:manage')).toBe(false)
  })

  it('lets admins and managers configure pipelines, lost reasons and products, nobody else', () => {
    expect(ROLES.filter((role) => can(role, 'crm:configure'))).toEqual(['ADMIN', 'MANAGER'])
    expect(ROLES.filter((role) => can(role, 'org:manage'))).toEqual(['ADMIN'])
  })

  it('lets every role read the organization, the CRM and projects', () => {
    for (const role of ROLES) {
      expect(can(role, 'org:read')).toBe(true)
      expect(can(role, 'crm:read')).toBe(true)
      expect(can(role, 'projects:read')).toBe(true)
    }
  })

  it('shows sales their forecast and delivery their delivery figures only', () => {
    expect([can('SALES', 'dashboards:sales'), can('SALES', 'dashboards:delivery')]).toEqual([true, false])
    expect([can('DELIVERY', 'dashboards:sales'), can('DELIVERY', 'dashboards:delivery')]).toEqual([false, true])
  })

  it('keeps the won-to-live report, which spans both sides, to managers and admins', () => {
    expect(ROLES.filter((role) => can(role, 'dashboards:won-to-live'))).toEqual(['ADMIN', 'MANAGER'])
  })
})
