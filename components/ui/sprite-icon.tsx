import type { SpriteIconName } from './icon-set'
import { ICON_SPRITE } from './icon-sprite.generated'

export type { SpriteIconName }

// Boards, lists and the sidebar draw the same few icons hundreds of times. Inline, each lucide
// icon is 300-600 bytes of SVG and a component to render on the server per use; so the shell
// draws them once, as a hidden sprite of prepared markup, and each use is an <svg><use>.

/** The sprite, once per page (the app shell draws it). */
export function IconSprite() {
  return <svg aria-hidden="true" width="0" height="0" className="absolute" dangerouslySetInnerHTML={{ __html: ICON_SPRITE }} />
}

export function SpriteIcon({ name, className }: { name: SpriteIconName; className?: string }) {
  return (
    <svg aria-hidden="true" className={className}>
      <use href={`#pm-icon-${name}`} />
    </svg>
  )
}
