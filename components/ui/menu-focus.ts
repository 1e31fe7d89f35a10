// Boards mount a card's menu only while it is open (a plain button stands in for it), so when
// the menu closes its trigger is replaced, and a card moved through the menu is drawn again in
// its new column. Either way the focus Radix would return to the trigger is lost; keyboard
// users get it back on the card's menu button.

/** After a menu closes: focuses the element matching `selector` unless focus went elsewhere (a dialog). */
export function refocusAfterMenu(selector: string) {
  requestAnimationFrame(() => {
    const active = document.activeElement
    if (active && active !== document.body) return
    document.querySelector<HTMLElement>(selector)?.focus()
  })
}
