import { History } from 'lucide-react'
import Link from 'next/link'
import { Badge, Card } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import { savedOn } from './format'

export type VersionRow = { number: number; savedAt: Date; savedBy: string | null; taskCount: number; projectCount: number }

/** Every saved version, newest first; older ones open read-only. */
export function VersionHistory({ orgSlug, templateId, versions, current, shown, timeZone }: { orgSlug: string; templateId: string; versions: VersionRow[]; current: number; shown: number; timeZone: string }) {
  const base = `/${orgSlug}/settings/templates/${templateId}`
  return (
    <Card className="p-5" data-testid="version-history">
      <h2 className="flex items-center gap-2 text-base font-semibold">
        <History className="size-4 text-accent" aria-hidden /> Versions
      </h2>
      <p className="mt-1 text-sm text-ink-soft">Each save makes a new version. Projects keep the version they were built from.</p>
      <ol className="mt-3 divide-y divide-line">
        {versions.map((v) => (
          <li key={v.number} className="flex items-center gap-3 py-2 text-sm" data-testid="template-version">
            <div className="min-w-0 flex-1">
              <p className={cn(v.number === shown && 'font-semibold')}>Version {v.number}</p>
              <p className="text-xs text-ink-soft">
                {savedOn(v.savedAt, timeZone)}
                {v.savedBy ? ` · ${v.savedBy}` : ''} · {v.taskCount} {v.taskCount === 1 ? 'task' : 'tasks'} · {v.projectCount} {v.projectCount === 1 ? 'project' : 'projects'}
              </p>
            </div>
            {v.number === current ? (
              v.number === shown ? (
                <Badge className="bg-accent/10 text-accent">Current</Badge>
              ) : (
                <Link href={base} className="text-accent hover:underline">Edit current</Link>
              )
            ) : v.number === shown ? (
              <Badge>Viewing</Badge>
            ) : (
              <Link href={`${base}?version=${v.number}`} className="text-accent hover:underline" aria-label={`View version ${v.number}`}>
                View
              </Link>
            )}
          </li>
        ))}
      </ol>
    </Card>
  )
}
