'use client'
import { useState, useTransition } from 'react'
import { toast } from 'sonner'
import { moveDealAction } from '@/app/(app)/[orgSlug]/pipeline/actions'
import type { DealStageOption } from '@/lib/crm/deal-detail'
import { LostReasonDialog } from '@/components/pipeline/lost-reason-dialog'
import { WinDialog } from '@/components/handoff/win-dialog'
import { announceWin } from '@/components/handoff/deal-project-panel'
import { useRouter } from 'next/navigation'

/**
 * Moves the deal to another stage of its pipeline (the board's move, with its version check).
 * Choosing a Lost stage first asks why the deal was lost.
 */
export function StageSelector({
  orgSlug,
  dealId,
  dealTitle,
  version,
  stage,
  stages,
  lostReasons,
  disabled,
  onMoved,
}: {
  orgSlug: string
  dealId: string
  dealTitle: string
  version: number
  stage: DealStageOption
  stages: DealStageOption[]
  lostReasons: { id: string; label: string }[]
  disabled: boolean
  onMoved: (version: number) => void
}) {
  const [selected, setSelected] = useState(stage.id)
  const [seen, setSeen] = useState(stage.id)
  const [askLost, setAskLost] = useState<string | null>(null)
  const [askWin, setAskWin] = useState(false)
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  if (seen !== stage.id) {
    setSeen(stage.id)
    setSelected(stage.id)
  }

  function move(stageId: string, lost?: { lostReasonId: string; lostNote?: string }) {
    setSelected(stageId)
    startTransition(async () => {
      const result = await moveDealAction({ orgSlug, dealId, stageId, version, ...lost })
      if (!result.ok) {
        setSelected(stage.id)
        toast.error(result.formError ?? result.fieldErrors?.lostReasonId?.[0] ?? 'The deal could not be moved.')
        return
      }
      onMoved(result.data.version)
      toast.success(`Moved to ${stages.find((s) => s.id === stageId)?.name ?? 'the stage'}.`)
    })
  }

  return (
    <div>
      <label htmlFor="deal-stage" className="block text-xs font-medium uppercase tracking-wide text-ink-soft">
        Stage
      </label>
      <select
        id="deal-stage"
        className="mt-0.5 block w-full rounded-md border border-line bg-surface px-2 py-1 text-sm text-ink shadow-xs disabled:opacity-70"
        value={selected}
        disabled={disabled || pending}
        onChange={(event) => {
          const next = stages.find((s) => s.id === event.target.value)
          if (!next || next.id === stage.id) return setSelected(stage.id)
          if (next.kind === 'LOST') {
            setSelected(next.id)
            setAskLost(next.id)
            return
          }
          if (next.kind === 'WON') {
            setSelected(next.id)
            setAskWin(true)
            return
          }
          move(next.id)
        }}
      >
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
            {s.kind === 'OPEN' ? ` (${s.probability} %)` : ''}
          </option>
        ))}
      </select>
      <LostReasonDialog
        open={askLost !== null}
        dealTitle={dealTitle}
        reasons={lostReasons}
        onCancel={() => {
          setAskLost(null)
          setSelected(stage.id)
        }}
        onConfirm={(lost) => {
          const target = askLost!
          setAskLost(null)
          move(target, lost)
        }}
      />
      <WinDialog
        orgSlug={orgSlug}
        dealId={dealId}
        dealTitle={dealTitle}
        open={askWin}
        move={{ version }}
        onCancel={() => {
          setAskWin(false)
          setSelected(stage.id)
        }}
        onWon={(result) => {
          setAskWin(false)
          onMoved(result.deal.version)
          announceWin(result, (href) => router.push(href), orgSlug)
          router.refresh()
        }}
      />
    </div>
  )
}
