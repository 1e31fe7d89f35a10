import { describe, expect, it } from 'vitest'
import { parseEnv } from '@/lib/env'

const good = { DATABASE_URL: 'postgresql://u:p@db.example.com:5432/baton', AUTH_SECRET: 'x'.repeat(32) }

describe('parseEnv', () => {
  it('accepts a complete environment and defaults the pool size', () => {
    expect(parseEnv(good)).toEqual({ ...good, DATABASE_POOL_SIZE: 10, BATON_WORKER: 'on' })
  })

  it('names DATABASE_URL when it is missing', () => {
    expect(() => parseEnv({ AUTH_SECRET: good.AUTH_SECRET })).toThrow(/DATABASE_URL is required/)
  })

  it('names DATABASE_URL when it is not a PostgreSQL URL', () => {
    expect(() => parseEnv({ ...good, DATABASE_URL: 'mysql://localhost/baton' })).toThrow(/DATABASE_URL must start with postgresql:\/\//)
  })

  it('names AUTH_SECRET when it is too short, and every bad variable at once', () => {
    let message = ''
    try {
      parseEnv({ DATABASE_URL: 'nope', AUTH_SECRET: 'short' })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/AUTH_SECRET must be at least 32 characters/)
    expect(message).toMatch(/DATABASE_URL/)
  })

  it('rejects a pool size that is not a number', () => {
    expect(() => parseEnv({ ...good, DATABASE_POOL_SIZE: 'many' })).toThrow(/DATABASE_POOL_SIZE/)
  })
})
