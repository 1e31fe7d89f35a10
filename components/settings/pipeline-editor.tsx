'use client'
import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react'
import { useState, useTransition } from 'react'
import { toast } from 'sonner'
import {
  addStageAction,
  createPipelineAction,
  makeDefaultPipelineAction,
  moveStageAction,
  removeStageAction,
  renamePipelineAction,
  updateStageAction,
} from '@/app/(app)/[orgSlug]/settings/pipelines/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Badge, Card } from '@/components/ui/card'
import { Dialog } from '@/components/ui/dialog'
import { SelectField, TextField } from '@/components/ui/field'
import type { PipelineDto, StageDto } from '@/lib/crm/pipelines'
import { FORECAST_CATEGORIES, forecastLabels, STAGE_KINDS, stageKindLabels } from '@/lib/crm/settings.schema'

const cell = 'rounded-md border border-line bg-surface px-2 py-1 text-sm aria-invalid:border-danger'

function fields(form: Record<string, string>) {
  const data = new FormData()
  for (const [k, v] of Object.entries(form)) data.set(k, v)
  return data
}

function StageRow({ orgSlug, stage, first, last, deals, siblings }: { orgSlug: string; stage: StageDto; first: boolean; last: boolean; deals: number; siblings: StageDto[] }) {
  const [pending, startTransition] = useTransition()
  const [removing, setRemoving] = useState<string | null>(null)
  const [target, setTarget] = useState('')
  const sameKind = siblings.filter((s) => s.kind === stage.kind && s.id !== stage.id)

  const run = (action: typeof moveStageAction, form: Record<string, string>, after?: () => void) =>
    startTransition(async () => {
      const result = await action(null, fields({ orgSlug, ...form }))
      if (result.ok) {
        if (result.message) toast.success(result.message)
        after?.()
      } else if (result.fieldErrors?.moveToStageId) setRemoving(result.fieldErrors.moveToStageId[0] ?? '')
      else toast.error(result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? 'That did not work.')
    })

  return (
    <tr data-testid="stage-row" data-stage={stage.name}>
      <td className="py-2 pr-2" colSpan={3}>
        <ActionForm action={updateStageAction} hidden={{ orgSlug, stageId: stage.id }} className="flex flex-wrap items-start gap-2" label={`Stage ${stage.name}`}>
          {({ errors, values, pending: saving }) => (
            <>
              <label className="sr-only" htmlFor={`name-${stage.id}`}>Name of {stage.name}</label>
              <input id={`name-${stage.id}`} name="name" defaultValue={values?.name ?? stage.name} className={`${cell} w-44`} aria-invalid={errors.name ? true : undefined} />
              <label className="sr-only" htmlFor={`prob-${stage.id}`}>Probability of {stage.name}</label>
              <span className="flex items-center gap-1">
                <input id={`prob-${stage.id}`} name="probability" inputMode="numeric" defaultValue={values?.probability ?? stage.probability} className={`${cell} w-16 text-right`} aria-invalid={errors.probability ? true : undefined} aria-describedby={errors.probability ? `prob-err-${stage.id}` : undefined} />
                <span className="text-sm text-ink-soft">%</span>
              </span>
              <label className="sr-only" htmlFor={`fc-${stage.id}`}>Forecast category of {stage.name}</label>
              <select id={`fc-${stage.id}`} name="forecastCategory" defaultValue={values?.forecastCategory ?? stage.forecastCategory} className={cell} key={values?.forecastCategory}>
                {FORECAST_CATEGORIES.map((c) => (
                  <option key={c} value={c}>{forecastLabels[c]}</option>
                ))}
              </select>
              <Button type="submit" size="sm" variant="secondary" disabled={saving}>Save</Button>
              {errors.name || errors.probability ? (
                <p id={`prob-err-${stage.id}`} role="alert" className="w-full text-xs text-danger">{errors.name?.[0] ?? errors.probability?.[0]}</p>
              ) : null}
            </>
          )}
        </ActionForm>
      </td>
      <td className="py-2 pr-2 text-sm">
        <Badge className={stage.kind === 'WON' ? 'bg-success/15 text-success' : stage.kind === 'LOST' ? 'bg-danger/15 text-danger' : ''}>{stageKindLabels[stage.kind]}</Badge>
      </td>
      <td className="py-2 pr-2 text-sm tabular-nums text-ink-soft">{deals}</td>
      <td className="py-2 text-right">
        <span className="inline-flex gap-1">
          <Button size="sm" variant="ghost" aria-label={`Move ${stage.name} up`} disabled={first || pending} onClick={() => run(moveStageAction, { stageId: stage.id, direction: 'up' })}>
            <ArrowUp className="size-4" aria-hidden />
          </Button>
          <Button size="sm" variant="ghost" aria-label={`Move ${stage.name} down`} disabled={last || pending} onClick={() => run(moveStageAction, { stageId: stage.id, direction: 'down' })}>
            <ArrowDown className="size-4" aria-hidden />
          </Button>
          <Button size="sm" variant="ghost" aria-label={`Remove ${stage.name}`} disabled={pending} onClick={() => run(removeStageAction, { stageId: stage.id })}>
            <Trash2 className="size-4" aria-hidden />
          </Button>
        </span>
        <Dialog open={removing !== null} onOpenChange={(open) => !open && setRemoving(null)} title={`Remove ${stage.name}`} description={removing ?? undefined}>
          <form
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault()
              run(removeStageAction, { stageId: stage.id, moveToStageId: target }, () => setRemoving(null))
            }}
          >
            <SelectField label="Move its deals to" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Choose a stage…</option>
              {sameKind.map((s) => (
                <option key={s.id} value={s.id}>{s.name}</option>
              ))}
            </SelectField>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setRemoving(null)}>Cancel</Button>
              <Button type="submit" variant="danger" disabled={!target || pending}>Move deals and remove</Button>
            </div>
          </form>
        </Dialog>
      </td>
    </tr>
  )
}

export function PipelineEditor({ orgSlug, pipeline, dealCounts }: { orgSlug: string; pipeline: PipelineDto; dealCounts: Record<string, number> }) {
  return (
    <Card className="p-5" data-testid="pipeline-editor">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ActionForm action={renamePipelineAction} hidden={{ orgSlug, pipelineId: pipeline.id }} className="flex items-start gap-2" label={`Rename ${pipeline.name}`}>
          {({ errors, values, pending }) => (
            <>
              <TextField label="Pipeline name" name="name" defaultValue={values?.name ?? pipeline.name} error={errors.name} className="w-64" />
              <Button type="submit" size="sm" variant="secondary" disabled={pending} className="mt-6">Rename</Button>
            </>
          )}
        </ActionForm>
        {pipeline.isDefault ? (
          <Badge className="bg-accent/10 text-accent">Default pipeline</Badge>
        ) : (
          <ActionForm action={makeDefaultPipelineAction} hidden={{ orgSlug, pipelineId: pipeline.id }}>
            {({ pending }) => <Button type="submit" size="sm" variant="secondary" disabled={pending}>Make default</Button>}
          </ActionForm>
        )}
      </div>
      <table className="mt-4 w-full">
        <caption className="sr-only">Stages of {pipeline.name}</caption>
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-ink-soft">
            <th scope="col" colSpan={3} className="pb-1 font-medium">Stage · default probability · forecast category</th>
            <th scope="col" className="pb-1 font-medium">Kind</th>
            <th scope="col" className="pb-1 font-medium">Deals</th>
            <th scope="col" className="pb-1 text-right font-medium">Order</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {pipeline.stages.map((stage, i) => (
            <StageRow key={stage.id} orgSlug={orgSlug} stage={stage} first={i === 0} last={i === pipeline.stages.length - 1} deals={dealCounts[stage.id] ?? 0} siblings={pipeline.stages} />
          ))}
        </tbody>
      </table>
      <ActionForm action={addStageAction} hidden={{ orgSlug, pipelineId: pipeline.id }} className="mt-4 flex flex-wrap items-start gap-2 border-t border-line pt-4" label={`Add a stage to ${pipeline.name}`}>
        {({ errors, values, pending, done }) => (
          <div key={done} className="flex flex-wrap items-start gap-2">
            <TextField label="New stage" name="name" placeholder="e.g. Demo" defaultValue={values?.name} error={errors.name} className="w-44" />
            <TextField label="Probability %" name="probability" inputMode="numeric" defaultValue={values?.probability ?? '20'} error={errors.probability} className="w-28" />
            <SelectField label="Kind" name="kind" defaultValue={values?.kind ?? 'OPEN'} error={errors.kind} key={`k-${values?.kind}`}>
              {STAGE_KINDS.map((k) => (
                <option key={k} value={k}>{stageKindLabels[k]}</option>
              ))}
            </SelectField>
            <SelectField label="Forecast" name="forecastCategory" defaultValue={values?.forecastCategory ?? 'PIPELINE'} key={`f-${values?.forecastCategory}`}>
              {FORECAST_CATEGORIES.map((c) => (
                <option key={c} value={c}>{forecastLabels[c]}</option>
              ))}
            </SelectField>
            <Button type="submit" size="sm" disabled={pending} className="mt-6">Add stage</Button>
          </div>
        )}
      </ActionForm>
    </Card>
  )
}

export function AddPipelineForm({ orgSlug }: { orgSlug: string }) {
  return (
    <Card className="p-5">
      <ActionForm action={createPipelineAction} hidden={{ orgSlug }} className="flex flex-wrap items-start gap-2" label="Add a pipeline">
        {({ errors, values, pending, done }) => (
          <div key={done} className="flex flex-wrap items-start gap-2">
            <TextField label="New pipeline" name="name" placeholder="e.g. Partners" defaultValue={values?.name} error={errors.name} className="w-64" />
            <Button type="submit" size="sm" disabled={pending} className="mt-6">Add pipeline</Button>
          </div>
        )}
      </ActionForm>
    </Card>
  )
}
