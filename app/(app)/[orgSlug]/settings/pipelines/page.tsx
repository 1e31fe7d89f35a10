import type { Metadata } from 'next'
import { AddPipelineForm, PipelineEditor } from '@/components/settings/pipeline-editor'
import { db } from '@/lib/db'
import { ctxOf } from '@/lib/authz'
import { dealCountsByStage, listPipelines } from '@/lib/crm/pipelines'
import { memberForPage } from '@/lib/page-auth'

export const metadata: Metadata = { title: 'Pipelines' }

export default async function PipelinesSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const member = await memberForPage(orgSlug, 'crm:configure')
  const ctx = ctxOf(member)
  const [pipelines, dealCounts] = await Promise.all([listPipelines(db, ctx), dealCountsByStage(db, ctx)])
  return (
    <div className="space-y-6">
      <p className="max-w-2xl text-sm text-ink-soft">
        Each pipeline has open stages, exactly one Won stage and at least one Lost stage. The probability is a stage’s default win chance
        (a deal can override it); the forecast category decides where the stage’s deals count in the forecast.
      </p>
      {pipelines.map((pipeline) => (
        <PipelineEditor key={pipeline.id} orgSlug={orgSlug} pipeline={pipeline} dealCounts={dealCounts} />
      ))}
      <AddPipelineForm orgSlug={orgSlug} />
    </div>
  )
}
