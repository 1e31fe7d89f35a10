'use client'
import Link from 'next/link'
import { useActionState, useState, useTransition } from 'react'
import { toast } from 'sonner'
import { Mail, Phone, X } from 'lucide-react'
import { addDealContactAction, changeDealContactRoleAction, removeDealContactAction } from '@/app/(app)/[orgSlug]/deals/[id]/actions'
import type { DealContactDto } from '@/lib/crm/deal-contacts'
import { DEAL_CONTACT_ROLES, dealContactRoleLabels, type DealContactRole } from '@/lib/crm/deal-contacts.schema'
import { Badge, Card } from '@/components/ui/card'
import { Button } from '@/components/ui/button'
import { FormError, SelectField } from '@/components/ui/field'
import { ContactPicker } from './contact-picker'

/** The people on the deal and the part each plays (decision maker, champion, billing …). */
export function DealContacts({ orgSlug, dealId, contacts, canEdit }: { orgSlug: string; dealId: string; contacts: DealContactDto[]; canEdit: boolean }) {
  return (
    <Card className="p-4" data-testid="deal-contacts">
      <h2 className="text-base font-semibold">Contacts</h2>
      {contacts.length === 0 ? (
        <p className="mt-2 text-sm text-ink-soft">No contacts on this deal yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-line">
          {contacts.map((c) => (
            <ContactRow key={c.contactId} orgSlug={orgSlug} dealId={dealId} contact={c} canEdit={canEdit} />
          ))}
        </ul>
      )}
      {canEdit ? <AddContact orgSlug={orgSlug} dealId={dealId} /> : null}
    </Card>
  )
}

function ContactRow({ orgSlug, dealId, contact, canEdit }: { orgSlug: string; dealId: string; contact: DealContactDto; canEdit: boolean }) {
  const [pending, startTransition] = useTransition()
  const [role, setRole] = useState<DealContactRole>(contact.role)
  const [seen, setSeen] = useState(contact.role)
  if (seen !== contact.role) {
    setSeen(contact.role)
    setRole(contact.role)
  }
  return (
    <li className="py-2.5" data-testid="deal-contact">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <Link href={`/${orgSlug}/contacts/${contact.contactId}`} className="font-medium hover:underline">
            {contact.name}
          </Link>
          {contact.jobTitle || contact.companyName ? (
            <p className="truncate text-xs text-ink-soft">{[contact.jobTitle, contact.companyName].filter(Boolean).join(' · ')}</p>
          ) : null}
        </div>
        {canEdit ? (
          <button
            type="button"
            className="rounded p-1 text-ink-soft hover:bg-muted hover:text-danger disabled:opacity-50"
            aria-label={`Remove ${contact.name} from the deal`}
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await removeDealContactAction({ orgSlug, dealId, contactId: contact.contactId })
                if (result.ok) toast.success(`${contact.name} removed from the deal.`)
                else toast.error(result.formError ?? 'Not removed.')
              })
            }
          >
            <X className="size-4" aria-hidden />
          </button>
        ) : null}
      </div>
      <div className="mt-1 flex flex-col gap-0.5 text-sm">
        {contact.email ? (
          <a href={`mailto:${contact.email}`} className="inline-flex items-center gap-1.5 text-accent hover:underline">
            <Mail className="size-3.5" aria-hidden />
            {contact.email}
          </a>
        ) : null}
        {contact.phone ? (
          <a href={`tel:${contact.phone.replace(/\s+/g, '')}`} className="inline-flex items-center gap-1.5 text-ink-soft hover:text-ink">
            <Phone className="size-3.5" aria-hidden />
            {contact.phone}
          </a>
        ) : null}
      </div>
      <div className="mt-1.5">
        {canEdit ? (
          <select
            aria-label={`Role of ${contact.name}`}
            className="rounded-md border border-line bg-surface px-2 py-1 text-xs"
            value={role}
            disabled={pending}
            onChange={(e) => {
              const next = e.target.value as DealContactRole
              const previous = role
              setRole(next)
              startTransition(async () => {
                const result = await changeDealContactRoleAction({ orgSlug, dealId, contactId: contact.contactId, role: next })
                if (result.ok) toast.success(`${contact.name} is now ${dealContactRoleLabels[next].toLowerCase()}.`)
                else {
                  setRole(previous)
                  toast.error(result.formError ?? 'The role was not changed.')
                }
              })
            }}
          >
            {DEAL_CONTACT_ROLES.map((r) => (
              <option key={r} value={r}>
                {dealContactRoleLabels[r]}
              </option>
            ))}
          </select>
        ) : (
          <Badge>{dealContactRoleLabels[contact.role]}</Badge>
        )}
      </div>
    </li>
  )
}

function AddContact({ orgSlug, dealId }: { orgSlug: string; dealId: string }) {
  const [added, setAdded] = useState(0)
  const [state, action, pending] = useActionState(async (previous: Parameters<typeof addDealContactAction>[0], form: FormData) => {
    const result = await addDealContactAction(previous, form)
    if (result.ok) {
      toast.success(result.message)
      setAdded((n) => n + 1)
    }
    return result
  }, null)
  const failed = state && !state.ok ? state : undefined
  return (
    <form action={action} className="mt-3 space-y-3 border-t border-line pt-3" noValidate aria-label="Add a contact to the deal">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="dealId" value={dealId} />
      <FormError message={failed?.formError ?? failed?.fieldErrors?.dealId?.[0]} />
      <ContactPicker orgSlug={orgSlug} excludeDealId={dealId} name="contactId" error={failed?.fieldErrors?.contactId} resetKey={added} label="Add a contact" />
      <SelectField label="Role" name="role" defaultValue={failed?.values?.role ?? 'DECISION_MAKER'} key={`role-${added}-${failed?.values?.role}`} error={failed?.fieldErrors?.role}>
        {DEAL_CONTACT_ROLES.map((r) => (
          <option key={r} value={r}>
            {dealContactRoleLabels[r]}
          </option>
        ))}
      </SelectField>
      <div className="flex justify-end">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? 'Adding…' : 'Add contact'}
        </Button>
      </div>
    </form>
  )
}
