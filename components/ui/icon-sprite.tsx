'use client'
import { ICON_SPRITE } from './icon-sprite.generated'

/**
 * The icons every page draws (see sprite-icon.tsx), once per page; the app shell draws it. A
 * client component, so the markup travels in the cached script and the page's HTML, not also in
 * every page's flight data.
 */
export function IconSprite() {
  return <svg aria-hidden="true" width="0" height="0" className="absolute" dangerouslySetInnerHTML={{ __html: ICON_SPRITE }} />
}
