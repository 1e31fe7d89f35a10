'use client'
import { useEffect, useRef, type ReactNode } from 'react'

/**
 * The chart's scroll area, both ways (at most most of the window tall, so the date header and
 * the task names stay in view). It opens with today about a third into the visible chart, and
 * takes keyboard focus so arrow keys scroll it.
 */
export function TimelineScroller({ todayX, labelWidth, children }: { todayX: number | null; labelWidth: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = ref.current
    if (el && todayX !== null) el.scrollLeft = Math.max(0, todayX - (el.clientWidth - labelWidth) / 3)
  }, [todayX, labelWidth])
  return (
    <div ref={ref} className="max-h-[calc(100vh-9rem)] overflow-auto overscroll-contain" tabIndex={0} role="region" aria-label="Timeline, scrolls both ways" data-testid="timeline-scroller">
      {children}
    </div>
  )
}
