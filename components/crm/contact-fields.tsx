'use client'
import { companyEditor } from '@/components/crm/company-combobox'
import Link from 'next/link'
import { updateContactAction } from '@/app/(app)/[orgSlug]/contacts/actions'
import { InlineField, type SaveField } from '@/components/deals/inline-field'
import type { ContactField } from '@/lib/crm/contacts.schema'
import type { ContactDto } from '@/lib/crm/contacts'

type Option = { value: string; label: string }

/** The contact's fields, each edited in place; a refused value shows its error next to the field. */
export function ContactFields({
  orgSlug,
  contact,
  owners,
  editable,
}: {
  orgSlug: string
  contact: ContactDto
  owners: Option[]
  editable: boolean
}) {
  const save =
    (field: ContactField): SaveField =>
    async (value) => {
      const result = await updateContactAction({ orgSlug, id: contact.id, [field]: value })
      if (result.ok) return undefined
      return result.fieldErrors?.[field]?.[0] ?? result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? 'This could not be saved.'
    }
  const ownerOptions = contact.owner && !owners.some((o) => o.value === contact.owner!.id) ? [{ value: contact.owner.id, label: contact.owner.name }, ...owners] : owners
  const readOnly = !editable
  return (
    <div className="grid gap-4" data-testid="contact-fields">
      <div className="grid grid-cols-2 gap-3">
        <InlineField label="First name" value={contact.firstName} onSave={save('firstName')} readOnly={readOnly} testId="field-first-name" />
        <InlineField label="Last name" value={contact.lastName} placeholder="Add a last name" onSave={save('lastName')} readOnly={readOnly} testId="field-last-name" />
      </div>
      <InlineField label="Email" value={contact.email ?? ''} placeholder="Add an email" onSave={save('email')} readOnly={readOnly} testId="field-email" />
      <InlineField label="Phone" value={contact.phone ?? ''} placeholder="Add a phone number" onSave={save('phone')} readOnly={readOnly} testId="field-phone" />
      <InlineField label="Job title" value={contact.jobTitle ?? ''} placeholder="Add a job title" onSave={save('jobTitle')} readOnly={readOnly} testId="field-job-title" />
      <InlineField
        label="Company"
        value={contact.company?.id ?? ''}
        editor={companyEditor(orgSlug, contact.company)}
        display={
          contact.company ? (
            <span>
              {contact.company.name}
              {contact.company.deleted ? <span className="text-ink-soft"> (in the trash)</span> : null}
            </span>
          ) : undefined
        }
        placeholder="No company"
        onSave={save('companyId')}
        readOnly={readOnly}
        testId="field-company"
        note={
          contact.company ? (
            <Link href={`/${orgSlug}/companies/${contact.company.id}`} className="text-accent hover:underline">
              Open company
            </Link>
          ) : undefined
        }
      />
      <InlineField
        label="Owner"
        kind="select"
        value={contact.owner?.id ?? ''}
        display={contact.owner?.name}
        options={ownerOptions}
        placeholder="No owner"
        onSave={save('ownerId')}
        readOnly={readOnly}
        testId="field-owner"
      />
    </div>
  )
}
