import { describe, expect, it } from 'vitest'
import { ICON_SPRITE } from '@/components/ui/icon-sprite.generated'
import { spriteIcons } from '@/components/ui/icon-set'
import { generatedSource } from '../../scripts/icon-sprite'

describe('the icon sprite', () => {
  it('is the markup of the icons in icon-set.ts (else run `npm run icons`)', async () => {
    const { readFile } = await import('node:fs/promises')
    const committed = await readFile(new URL('../../components/ui/icon-sprite.generated.ts', import.meta.url), 'utf8')
    expect(committed).toBe(generatedSource())
  })

  it('holds one symbol per icon name, each with the shapes of its lucide icon', () => {
    const ids = [...ICON_SPRITE.matchAll(/<symbol id="pm-icon-([\w]+)"/g)].map((m) => m[1])
    expect(ids).toEqual(Object.keys(spriteIcons))
    expect(ICON_SPRITE).not.toContain('<svg')
    expect(ICON_SPRITE.match(/<symbol[^>]*>(.*?)<\/symbol>/)![1]).toMatch(/^<(path|rect|circle)/)
  })
})
