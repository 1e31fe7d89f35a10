'use client'
import { Filter, Pencil, Plus, Trash2 } from 'lucide-react'
import { useState } from 'react'
import { addTemplateRuleAction, deleteTemplateRuleAction, updateTemplateRuleAction } from '@/app/(app)/[orgSlug]/settings/templates/[templateId]/actions'
import { ActionForm, type FormView } from '@/components/ui/action-form'
import type { ActionState } from '@/lib/action'
import { Button } from '@/components/ui/button'
import { Badge, Card } from '@/components/ui/card'
import { SelectField, TextField } from '@/components/ui/field'
import { DEAL_TYPES, dealTypeLabels } from '@/lib/crm/deals.schema'
import { minorToDecimal } from '@/lib/money'
import type { TemplateRuleDto } from '@/lib/pm/template-rules'

type Named = { id: string; name: string }

function RuleFields({ view, rule, pipelines, products, currency }: { view: FormView; rule?: TemplateRuleDto; pipelines: Named[]; products: Named[]; currency: string }) {
  const { errors, values } = view
  const chosen = new Set(rule?.productIds ?? [])
  const amount = (minor: string | null | undefined) => (minor ? minorToDecimal(minor, currency) : '')
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Pipeline" name="pipelineId" defaultValue={values?.pipelineId ?? rule?.pipelineId ?? ''} error={errors.pipelineId}>
          <option value="">Any pipeline</option>
          {pipelines.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </SelectField>
        <SelectField label="Deal type" name="dealType" defaultValue={values?.dealType ?? rule?.dealType ?? ''} error={errors.dealType}>
          <option value="">Any deal type</option>
          {DEAL_TYPES.map((t) => (
            <option key={t} value={t}>{dealTypeLabels[t]}</option>
          ))}
        </SelectField>
        <TextField label={`Amount at least (${currency})`} name="minAmount" inputMode="decimal" placeholder="No minimum" defaultValue={values?.minAmount ?? amount(rule?.minAmountMinor)} error={errors.minAmount} />
        <TextField label={`Amount at most (${currency})`} name="maxAmount" inputMode="decimal" placeholder="No maximum" defaultValue={values?.maxAmount ?? amount(rule?.maxAmountMinor)} error={errors.maxAmount} />
      </div>
      {products.length ? (
        <fieldset>
          <legend className="text-sm font-medium">Any of these products among the line items</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {products.map((p) => (
              <label key={p.id} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" name="productIds" value={p.id} defaultChecked={chosen.has(p.id)} className="size-4 accent-accent" />
                {p.name}
              </label>
            ))}
          </div>
          {errors.productIds ? <p className="mt-1 text-sm text-danger" role="alert">{errors.productIds[0]}</p> : null}
        </fieldset>
      ) : null}
      <TextField label="Priority" name="priority" inputMode="numeric" defaultValue={values?.priority ?? String(rule?.priority ?? 0)} error={errors.priority} hint="When several rules match, the highest priority wins." className="w-64" />
    </div>
  )
}

function RuleItem({ orgSlug, rule, pipelines, products, currency, readOnly }: { orgSlug: string; rule: TemplateRuleDto; pipelines: Named[]; products: Named[]; currency: string; readOnly: boolean }) {
  const [editing, setEditing] = useState(false)
  return (
    <li className="py-3" data-testid="template-rule">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-ink-soft">When</span>
        {rule.conditions.map((c, i) => (
          <Badge key={i} className="bg-accent/10 text-accent">{c}</Badge>
        ))}
        <span className="text-xs text-ink-soft">· priority {rule.priority}</span>
        {readOnly ? null : (
          <span className="ml-auto flex items-center gap-1">
            <Button size="sm" variant="ghost" onClick={() => setEditing((e) => !e)} aria-expanded={editing} aria-label="Edit rule">
              <Pencil className="size-4" aria-hidden />
            </Button>
            <ActionForm action={deleteTemplateRuleAction} hidden={{ orgSlug, ruleId: rule.id }}>
              {({ pending }) => (
                <Button type="submit" size="sm" variant="ghost" disabled={pending} aria-label={`Remove the rule ${rule.conditions.join(', ')}`}>
                  <Trash2 className="size-4" aria-hidden />
                </Button>
              )}
            </ActionForm>
          </span>
        )}
      </div>
      {editing ? (
        <ActionForm
          action={async (state: ActionState, form: FormData) => {
            const result = await updateTemplateRuleAction(state, form)
            if (result.ok) setEditing(false)
            return result
          }}
          hidden={{ orgSlug, ruleId: rule.id }}
          className="mt-3 space-y-3 rounded-lg border border-line bg-canvas p-4"
          label="Edit rule"
        >
          {(view) => (
            <>
              <RuleFields view={view} rule={rule} pipelines={pipelines} products={products} currency={currency} />
              <div className="flex justify-end gap-2">
                <Button variant="secondary" size="sm" onClick={() => setEditing(false)}>Cancel</Button>
                <Button type="submit" size="sm" disabled={view.pending}>Save rule</Button>
              </div>
            </>
          )}
        </ActionForm>
      ) : null}
    </li>
  )
}

/** When this template applies to a won deal: its rules, and how a tie and no match are settled. */
export function TemplateRules({
  orgSlug,
  templateId,
  rules,
  pipelines,
  products,
  currency,
  isDefault,
  defaultName,
  readOnly,
}: {
  orgSlug: string
  templateId: string
  rules: TemplateRuleDto[]
  pipelines: Named[]
  products: Named[]
  currency: string
  isDefault: boolean
  defaultName: string | null
  readOnly: boolean
}) {
  const [adding, setAdding] = useState(false)
  return (
    <Card className="p-5" data-testid="template-rules">
      <h2 className="flex items-center gap-2 text-base font-semibold">
        <Filter className="size-4 text-accent" aria-hidden /> When this template applies
      </h2>
      <p className="mt-1 text-sm text-ink-soft">
        When a deal is won, every condition of a rule must hold. The highest priority wins; a tie goes to the rule with more conditions, then the oldest.{' '}
        {isDefault ? 'This is the default template: it applies when no rule matches.' : defaultName ? `When no rule matches, the default template (${defaultName}) applies.` : 'No template is the default: when no rule matches, the project is built by hand.'}
      </p>
      {rules.length ? (
        <ul className="mt-2 divide-y divide-line">
          {rules.map((rule) => (
            <RuleItem key={rule.id} orgSlug={orgSlug} rule={rule} pipelines={pipelines} products={products} currency={currency} readOnly={readOnly} />
          ))}
        </ul>
      ) : (
        <p className="mt-3 rounded-md border border-dashed border-line px-4 py-4 text-center text-sm text-ink-soft">No rules yet.</p>
      )}
      {readOnly ? null : adding ? (
        <ActionForm
          action={async (state: ActionState, form: FormData) => {
            const result = await addTemplateRuleAction(state, form)
            if (result.ok) setAdding(false)
            return result
          }}
          hidden={{ orgSlug, templateId }}
          className="mt-4 space-y-3 rounded-lg border border-line bg-canvas p-4"
          label="Add a rule"
        >
          {(view) => (
            <>
              <RuleFields view={view} pipelines={pipelines} products={products} currency={currency} />
              <div className="flex justify-end gap-2">
                <Button variant="secondary" size="sm" onClick={() => setAdding(false)}>Cancel</Button>
                <Button type="submit" size="sm" disabled={view.pending}>Add rule</Button>
              </div>
            </>
          )}
        </ActionForm>
      ) : (
        <Button variant="secondary" size="sm" className="mt-4" onClick={() => setAdding(true)}>
          <Plus className="size-4" aria-hidden /> Add a rule
        </Button>
      )}
    </Card>
  )
}
