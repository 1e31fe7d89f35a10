'use client'
import { useSyncExternalStore } from 'react'

const noop = () => () => {}

/**
 * False while the server renders (and during hydration), true in the browser after it. Boards
 * use it to server-render only the first cards of each column: the rest are already in the page
 * data and appear as soon as the page hydrates, so the HTML stays small and the server fast.
 */
export const useHydrated = () => useSyncExternalStore(noop, () => true, () => false)
