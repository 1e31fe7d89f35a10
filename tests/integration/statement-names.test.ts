import { afterAll, describe, expect, it } from 'vitest'
import { createPrismaClient } from '@/lib/db'
import { testDatabaseUrl } from '../setup/db'
import { createOrg } from '../factories'

// One connection, so the prepared statements read below are the ones its queries made.
const db = createPrismaClient(testDatabaseUrl, 1)
afterAll(() => db.$disconnect())

const prepared = () => db.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'baton\_%'`

describe('prepared statements', () => {
  it('a statement run a third time is prepared on its connection, and still answers for each value', async () => {
    const [a, b] = [await createOrg(), await createOrg()]
    const slugOf = (id: string) => db.organization.findFirst({ where: { id }, select: { slug: true } })
    const isOrgSelect = (s: { statement: string }) => s.statement.includes('"organization"') && s.statement.includes('"slug"')

    expect(await slugOf(a.id)).toEqual({ slug: a.slug })
    expect(await slugOf(b.id)).toEqual({ slug: b.slug })
    expect((await prepared()).some(isOrgSelect)).toBe(false)

    for (let i = 0; i < 6; i++) expect(await slugOf(i % 2 ? a.id : b.id)).toEqual({ slug: (i % 2 ? a : b).slug })
    expect((await prepared()).filter(isOrgSelect)).toHaveLength(1)
  })
})
