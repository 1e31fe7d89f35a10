'use client'
import { updateCompanyAction } from '@/app/(app)/[orgSlug]/companies/actions'
import { InlineField, type SaveField } from '@/components/deals/inline-field'
import { COMPANY_SIZES, companySizeLabels, type CompanyField } from '@/lib/crm/companies.schema'
import type { CompanyDto } from '@/lib/crm/companies'
import { countryName } from './country-name'

type Option = { value: string; label: string }

/** The company's fields, each edited in place; a refused value shows its error next to the field. */
export function CompanyFields({ orgSlug, company, owners, editable }: { orgSlug: string; company: CompanyDto; owners: Option[]; editable: boolean }) {
  const save =
    (field: CompanyField): SaveField =>
    async (value) => {
      const result = await updateCompanyAction({ orgSlug, id: company.id, [field]: value })
      if (result.ok) return undefined
      return result.fieldErrors?.[field]?.[0] ?? result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? 'This could not be saved.'
    }
  const ownerOptions = company.owner && !owners.some((o) => o.value === company.owner!.id) ? [{ value: company.owner.id, label: company.owner.name }, ...owners] : owners
  const readOnly = !editable
  return (
    <div className="grid gap-4" data-testid="company-fields">
      <InlineField label="Name" value={company.name} onSave={save('name')} readOnly={readOnly} testId="field-name" />
      <InlineField
        label="Domain"
        value={company.domain ?? ''}
        placeholder="Add a domain"
        display={company.domain ?? undefined}
        onSave={save('domain')}
        readOnly={readOnly}
        testId="field-domain"
      />
      <InlineField label="Industry" value={company.industry ?? ''} placeholder="Add an industry" onSave={save('industry')} readOnly={readOnly} testId="field-industry" />
      <InlineField
        label="Size"
        kind="select"
        value={company.sizeBand ?? ''}
        display={company.sizeBand ? `${companySizeLabels[company.sizeBand]} employees` : undefined}
        options={[{ value: '', label: 'Unknown' }, ...COMPANY_SIZES.map((s) => ({ value: s, label: `${companySizeLabels[s]} employees` }))]}
        placeholder="Unknown"
        onSave={save('sizeBand')}
        readOnly={readOnly}
        testId="field-size"
      />
      <InlineField
        label="Country"
        value={company.country ?? ''}
        display={company.country ? `${countryName(company.country)} (${company.country})` : undefined}
        placeholder="Add a country code"
        onSave={save('country')}
        readOnly={readOnly}
        testId="field-country"
      />
      <InlineField label="Address" kind="textarea" value={company.address ?? ''} placeholder="Add an address" onSave={save('address')} readOnly={readOnly} testId="field-address" />
      <InlineField
        label="Owner"
        kind="select"
        value={company.owner?.id ?? ''}
        display={company.owner?.name}
        options={ownerOptions}
        placeholder="No owner"
        onSave={save('ownerId')}
        readOnly={readOnly}
        testId="field-owner"
      />
      <InlineField label="Notes" kind="textarea" value={company.notes ?? ''} placeholder="Add notes" onSave={save('notes')} readOnly={readOnly} testId="field-notes" />
    </div>
  )
}
