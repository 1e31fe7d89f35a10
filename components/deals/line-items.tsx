'use client'
import { useActionState, useState, useTransition } from 'react'
import { toast } from 'sonner'
import { Pencil, Trash2 } from 'lucide-react'
import { addLineItemAction, removeLineItemAction, updateLineItemAction } from '@/app/(app)/[orgSlug]/deals/[id]/actions'
import type { LineItemDto, ProductOption } from '@/lib/crm/line-items'
import { bpToPercent } from '@/lib/crm/line-items.schema'
import { formatMoney, minorToDecimal } from '@/lib/money'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { FormError, SelectField, TextField } from '@/components/ui/field'

/**
 * The deal's products: quantity x unit price less a discount. While there is at least one
 * line, the deal amount is their sum (recomputed by the server in the same transaction).
 */
export function LineItems({
  orgSlug,
  dealId,
  currency,
  amountMinor,
  items,
  products,
  canEdit,
}: {
  orgSlug: string
  dealId: string
  currency: string
  amountMinor: string
  items: LineItemDto[]
  products: ProductOption[]
  canEdit: boolean
}) {
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <Card className="p-4" data-testid="line-items">
      <h2 className="text-base font-semibold">Line items</h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-ink-soft">No products on this deal yet. Add one and the amount becomes the sum of the lines.</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-ink-soft">
                <th className="py-1.5 pr-2 font-medium">Product</th>
                <th className="px-2 py-1.5 text-right font-medium">Qty</th>
                <th className="px-2 py-1.5 text-right font-medium">Unit price</th>
                <th className="px-2 py-1.5 text-right font-medium">Discount</th>
                <th className="px-2 py-1.5 text-right font-medium">Total</th>
                {canEdit ? <th className="w-20 py-1.5 pl-2"><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((item) =>
                editing === item.id ? (
                  <EditRow key={item.id} orgSlug={orgSlug} item={item} currency={currency} onDone={() => setEditing(null)} />
                ) : (
                  <Row key={item.id} orgSlug={orgSlug} item={item} currency={currency} canEdit={canEdit} onEdit={() => setEditing(item.id)} />
                ),
              )}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={4} className="pt-2 pr-2 text-right font-medium">
                  Deal amount
                </td>
                <td className="px-2 pt-2 text-right font-semibold tabular-nums" data-testid="line-items-total">
                  {formatMoney(amountMinor, currency)}
                </td>
                {canEdit ? <td /> : null}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {canEdit ? <AddLineItem orgSlug={orgSlug} dealId={dealId} currency={currency} products={products} /> : null}
    </Card>
  )
}

function Row({ orgSlug, item, currency, canEdit, onEdit }: { orgSlug: string; item: LineItemDto; currency: string; canEdit: boolean; onEdit: () => void }) {
  const [pending, startTransition] = useTransition()
  return (
    <tr className="border-b border-line/60" data-testid="line-item">
      <td className="py-1.5 pr-2">
        {item.name}
        {item.sku ? <span className="ml-1 text-xs text-ink-soft">{item.sku}</span> : null}
      </td>
      <td className="px-2 py-1.5 text-right tabular-nums">{item.quantity}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">{formatMoney(item.unitPriceMinor, currency)}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">{item.discountBp ? `${bpToPercent(item.discountBp)} %` : '—'}</td>
      <td className="px-2 py-1.5 text-right font-medium tabular-nums">{formatMoney(item.totalMinor, currency)}</td>
      {canEdit ? (
        <td className="py-1.5 pl-2 text-right whitespace-nowrap">
          <button type="button" className="rounded p-1 text-ink-soft hover:bg-muted hover:text-ink" aria-label={`Edit ${item.name}`} onClick={onEdit}>
            <Pencil className="size-4" aria-hidden />
          </button>
          <button
            type="button"
            className="rounded p-1 text-ink-soft hover:bg-muted hover:text-danger disabled:opacity-50"
            aria-label={`Remove ${item.name}`}
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await removeLineItemAction({ orgSlug, lineItemId: item.id })
                if (result.ok) toast.success(`${item.name} removed.`)
                else toast.error(result.formError ?? 'The line could not be removed.')
              })
            }
          >
            <Trash2 className="size-4" aria-hidden />
          </button>
        </td>
      ) : null}
    </tr>
  )
}

function EditRow({ orgSlug, item, currency, onDone }: { orgSlug: string; item: LineItemDto; currency: string; onDone: () => void }) {
  const [state, action, pending] = useActionState(async (previous: Parameters<typeof updateLineItemAction>[0], form: FormData) => {
    const result = await updateLineItemAction(previous, form)
    if (result.ok) {
      toast.success(result.message)
      onDone()
    }
    return result
  }, null)
  const failed = state && !state.ok ? state : undefined
  const values = failed?.values
  const formId = `line-${item.id}`
  return (
    <tr className="border-b border-line/60 align-top" data-testid="line-item-editing">
      <td className="py-1.5 pr-2">
        <form id={formId} action={action} noValidate>
          <input type="hidden" name="orgSlug" value={orgSlug} />
          <input type="hidden" name="lineItemId" value={item.id} />
        </form>
        {item.name}
        <FormError message={failed?.formError} />
      </td>
      <td className="px-2 py-1.5">
        <TextField form={formId} label="Quantity" name="quantity" inputMode="numeric" defaultValue={values?.quantity ?? String(item.quantity)} error={failed?.fieldErrors?.quantity} className="w-20" />
      </td>
      <td className="px-2 py-1.5">
        <TextField
          form={formId}
          label={`Unit price (${currency})`}
          name="unitPrice"
          inputMode="decimal"
          defaultValue={values?.unitPrice ?? minorToDecimal(item.unitPriceMinor, currency)}
          error={failed?.fieldErrors?.unitPrice}
          className="w-32"
        />
      </td>
      <td className="px-2 py-1.5">
        <TextField form={formId} label="Discount %" name="discount" inputMode="decimal" defaultValue={values?.discount ?? bpToPercent(item.discountBp)} error={failed?.fieldErrors?.discount} className="w-20" />
      </td>
      <td colSpan={2} className="py-1.5 pl-2 text-right">
        <div className="mt-6 flex justify-end gap-1">
          <Button size="sm" variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button size="sm" type="submit" form={formId} disabled={pending}>
            Save
          </Button>
        </div>
      </td>
    </tr>
  )
}

function AddLineItem({ orgSlug, dealId, currency, products }: { orgSlug: string; dealId: string; currency: string; products: ProductOption[] }) {
  const [productId, setProductId] = useState('')
  const [unitPrice, setUnitPrice] = useState('')
  const [state, action, pending] = useActionState(async (previous: Parameters<typeof addLineItemAction>[0], form: FormData) => {
    const result = await addLineItemAction(previous, form)
    if (result.ok) {
      toast.success(result.message)
      setProductId('')
      setUnitPrice('')
    }
    return result
  }, null)
  const failed = state && !state.ok ? state : undefined
  const values = failed?.values

  if (products.length === 0) {
    return <p className="mt-3 text-sm text-ink-soft">This organization has no products yet; an admin adds them in Settings.</p>
  }
  return (
    <form action={action} className="mt-4 border-t border-line pt-3" noValidate aria-label="Add a line item">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="dealId" value={dealId} />
      <FormError message={failed?.formError ?? failed?.fieldErrors?.dealId?.[0]} />
      <div className="grid items-start gap-3 sm:grid-cols-[minmax(10rem,1fr)_5rem_8rem_6rem_auto]">
        <SelectField
          label="Product"
          name="productId"
          value={productId}
          onChange={(e) => {
            setProductId(e.target.value)
            const product = products.find((p) => p.id === e.target.value)
            setUnitPrice(product ? product.unitPrice : '')
          }}
          error={failed?.fieldErrors?.productId}
        >
          <option value="">Choose a product…</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.sku ? ` (${p.sku})` : ''} · {formatMoney(p.unitPriceMinor, p.currency)}
            </option>
          ))}
        </SelectField>
        <TextField label="Quantity" name="quantity" inputMode="numeric" defaultValue={values?.quantity ?? '1'} error={failed?.fieldErrors?.quantity} />
        <TextField
          label={`Unit price (${currency})`}
          name="unitPrice"
          inputMode="decimal"
          value={unitPrice}
          onChange={(e) => setUnitPrice(e.target.value)}
          error={failed?.fieldErrors?.unitPrice}
        />
        <TextField label="Discount %" name="discount" inputMode="decimal" placeholder="0" defaultValue={values?.discount} error={failed?.fieldErrors?.discount} />
        <Button type="submit" className="mt-6" disabled={pending}>
          {pending ? 'Adding…' : 'Add line'}
        </Button>
      </div>
    </form>
  )
}
