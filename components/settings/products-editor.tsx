'use client'
import { archiveProductAction, createProductAction, updateProductAction } from '@/app/(app)/[orgSlug]/settings/products/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { TextField } from '@/components/ui/field'
import type { ProductDto } from '@/lib/crm/products'
import { minorToDecimal } from '@/lib/money'

function ProductFields({ errors, values, product, currency }: { errors: Record<string, string[] | undefined>; values?: Record<string, string>; product?: ProductDto; currency: string }) {
  const hideLabel = product ? '[&_label]:sr-only' : ''
  return (
    <>
      <TextField label={product ? `Name of ${product.name}` : 'Name'} name="name" defaultValue={values?.name ?? product?.name} error={errors.name} className={`flex-1 ${hideLabel}`} />
      <TextField label={product ? `SKU of ${product.name}` : 'SKU'} name="sku" defaultValue={values?.sku ?? product?.sku ?? ''} error={errors.sku} className={`w-32 ${hideLabel}`} />
      <TextField
        label={product ? `Unit price of ${product.name}` : `Unit price (${currency})`}
        name="unitPrice"
        inputMode="decimal"
        defaultValue={values?.unitPrice ?? (product ? minorToDecimal(product.unitPriceMinor, product.currency) : '')}
        error={errors.unitPrice}
        className={`w-36 ${hideLabel}`}
      />
    </>
  )
}

export function ProductsEditor({ orgSlug, currency, products }: { orgSlug: string; currency: string; products: ProductDto[] }) {
  return (
    <Card className="max-w-3xl p-5">
      <p className="text-sm text-ink-soft">Products are what deals sell, as line items. Prices are in {currency}; archiving keeps a product on the deals that sold it.</p>
      {products.length ? (
        <div className="mt-4 flex gap-2 text-xs uppercase tracking-wide text-ink-soft" aria-hidden>
          <span className="flex-1">Name</span>
          <span className="w-32">SKU</span>
          <span className="w-36">Unit price ({currency})</span>
          <span className="w-36" />
        </div>
      ) : null}
      <ul className="divide-y divide-line">
        {products.map((product) => (
          <li key={product.id} className="flex items-start gap-2 py-2" data-testid="product-row">
            <ActionForm action={updateProductAction} hidden={{ orgSlug, productId: product.id }} className="flex flex-1 items-start gap-2" label={`Edit ${product.name}`}>
              {({ errors, values, pending }) => (
                <>
                  <ProductFields errors={errors} values={values} product={product} currency={currency} />
                  <Button type="submit" size="sm" variant="secondary" disabled={pending} className="mt-0.5">Save</Button>
                </>
              )}
            </ActionForm>
            <ActionForm action={archiveProductAction} hidden={{ orgSlug, productId: product.id }}>
              {({ pending }) => (
                <Button type="submit" size="sm" variant="ghost" disabled={pending} className="mt-0.5" aria-label={`Archive ${product.name}`}>Archive</Button>
              )}
            </ActionForm>
          </li>
        ))}
      </ul>
      <ActionForm action={createProductAction} hidden={{ orgSlug }} className="mt-4 border-t border-line pt-4" label="Add a product">
        {({ errors, values, pending, done }) => (
          <div key={done} className="flex items-start gap-2">
            <ProductFields errors={errors} values={values} currency={currency} />
            <Button type="submit" size="sm" disabled={pending} className="mt-6">Add product</Button>
          </div>
        )}
      </ActionForm>
    </Card>
  )
}
