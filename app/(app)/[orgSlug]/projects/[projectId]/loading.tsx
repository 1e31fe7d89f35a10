/** The board's skeleton while its cards load (the project header stays). */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the board" className="flex gap-3 overflow-hidden">
      {[5, 3, 2, 4].map((cards, column) => (
        <div key={column} className="w-68 shrink-0 space-y-2 rounded-lg border border-line bg-muted/60 p-2">
          <div className="h-6 w-24 animate-pulse rounded bg-muted" />
          {Array.from({ length: cards }, (_, i) => (
            <div key={i} className="h-20 animate-pulse rounded-md border border-line bg-surface" />
          ))}
        </div>
      ))}
    </div>
  )
}
