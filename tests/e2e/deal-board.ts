import { expect, type Locator, type Page } from '@playwright/test'

// The pipeline board in e2e specs: its columns and cards, and a mouse drag between them.

export const column = (page: Page, stage: string) => page.locator(`[data-testid="board-column"][data-stage="${stage}"]`)
export const card = (scope: Page | Locator, title: string) => scope.getByTestId('deal-card').filter({ hasText: title })

/**
 * Drags a card onto a column with the mouse, as a person would: with the target column in view
 * (the board scrolls sideways; columns are as tall as the longest one, so the drop point is just
 * under the target's header). The server's HTML shows the cards before the board is hydrated
 * (and can be dragged), so it first waits for the board to say it is.
 */
export async function dragTo(page: Page, source: Locator, target: Locator) {
  await expect(page.getByTestId('deal-board')).toHaveAttribute('data-hydrated', 'true')
  const header = target.locator('header')
  await header.scrollIntoViewIfNeeded()
  await source.scrollIntoViewIfNeeded()
  const from = (await source.boundingBox())!
  const to = (await header.boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 })
  await page.mouse.move(to.x + to.width / 2, to.y + to.height + 40, { steps: 15 })
  await page.mouse.up()
}
