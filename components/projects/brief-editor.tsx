'use client'
import { useRouter } from 'next/navigation'
import { useId, useState } from 'react'
import { toast } from 'sonner'
import { Pencil } from 'lucide-react'
import { updateProjectAction } from '@/app/(app)/[orgSlug]/projects/[projectId]/project-actions'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import { Markdown } from './markdown'

/** The project brief in Markdown: read it rendered, edit it with a live preview. */
export function BriefEditor({ orgSlug, projectId, version, brief, canWrite }: { orgSlug: string; projectId: string; version: number; brief: string | null; canWrite: boolean }) {
  const router = useRouter()
  const id = useId()
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(brief ?? '')
  const [tab, setTab] = useState<'write' | 'preview'>('write')
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)

  async function save() {
    setSaving(true)
    const result = await updateProjectAction({ orgSlug, projectId, version, brief: draft })
    setSaving(false)
    if (!result.ok) return setError(result.fieldErrors?.brief?.[0] ?? result.formError ?? 'Not saved.')
    setEditing(false)
    setError(undefined)
    toast.success('Brief saved.')
    router.refresh()
  }

  return (
    <Card className="p-5" data-testid="project-brief">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-base font-semibold">Brief</h2>
        {canWrite && !editing ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setDraft(brief ?? '')
              setTab('write')
              setEditing(true)
            }}
          >
            <Pencil className="size-3.5" aria-hidden /> Edit
          </Button>
        ) : null}
      </div>
      {editing ? (
        <div className="mt-3 space-y-2">
          <div className="flex gap-1 text-sm" role="group" aria-label="Brief editor mode">
            {(['write', 'preview'] as const).map((t) => (
              <button
                key={t}
                type="button"
                aria-pressed={tab === t}
                onClick={() => setTab(t)}
                className={cn('rounded-md px-2.5 py-1', tab === t ? 'bg-muted font-medium text-ink' : 'text-ink-soft hover:text-ink')}
              >
                {t === 'write' ? 'Write' : 'Preview'}
              </button>
            ))}
          </div>
          {tab === 'write' ? (
            <>
              <label htmlFor={id} className="sr-only">
                Brief (Markdown)
              </label>
              <textarea
                id={id}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                rows={12}
                autoFocus
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : `${id}-hint`}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void save()
                  if (e.key === 'Escape') setEditing(false)
                }}
                className="block w-full rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm shadow-xs aria-invalid:border-danger"
                placeholder={'## Goals\n- What the customer needs by go-live\n\n## Scope\n…'}
              />
              <p id={`${id}-hint`} className="text-xs text-ink-soft">
                Markdown: **bold**, lists, links, tables. Ctrl+Enter saves, Escape cancels.
              </p>
            </>
          ) : (
            <div className="min-h-40 rounded-md border border-line p-3">{draft.trim() ? <Markdown text={draft} /> : <p className="text-sm text-ink-soft">Nothing to preview.</p>}</div>
          )}
          {error ? (
            <p id={`${id}-error`} role="alert" className="text-sm text-danger">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" size="sm" onClick={() => setEditing(false)}>
              Cancel
            </Button>
            <Button size="sm" onClick={() => void save()} disabled={saving}>
              {saving ? 'Saving…' : 'Save brief'}
            </Button>
          </div>
        </div>
      ) : brief ? (
        <Markdown text={brief} className="mt-3" />
      ) : (
        <p className="mt-3 text-sm text-ink-soft">{canWrite ? 'No brief yet. Write down the goals, the scope and what was promised.' : 'No brief yet.'}</p>
      )}
    </Card>
  )
}
