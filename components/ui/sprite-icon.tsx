import type { SpriteIconName } from './icon-set'

export type { SpriteIconName }

// Boards, lists and the sidebar draw the same few icons hundreds of times. Inline, each lucide
// icon is 300-600 bytes of SVG and a component to render on the server per use; so the shell
// draws them once, as a hidden sprite of prepared markup (icon-sprite.tsx), and each use is an
// <svg><use>.

export function SpriteIcon({ name, className }: { name: SpriteIconName; className?: string }) {
  return (
    <svg aria-hidden="true" className={className}>
      <use href={`#pm-icon-${name}`} />
    </svg>
  )
}
