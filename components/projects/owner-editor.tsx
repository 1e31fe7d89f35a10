'use client'
import { useEffect, useState } from 'react'
import { ownerChoicesAction } from '@/app/(app)/[orgSlug]/projects/[projectId]/project-actions'
import { editorInputClass, type EditorControl } from '@/components/deals/inline-field'

type Person = { id: string; name: string }

/**
 * The header's owner picker: the organization's people are loaded when it opens, not with every
 * page of the project (130 people are 8 KB the board does not need). Until they arrive it shows
 * the current owner; choosing saves at once, leaving or Escape closes it.
 */
export function ownerEditor(orgSlug: string, owner: Person | null) {
  return function renderOwnerEditor(control: EditorControl) {
    return <OwnerSelect orgSlug={orgSlug} owner={owner} control={control} />
  }
}

function OwnerSelect({ orgSlug, owner, control }: { orgSlug: string; owner: Person | null; control: EditorControl }) {
  const [people, setPeople] = useState<Person[] | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let live = true
    void ownerChoicesAction({ orgSlug })
      .then((result) => {
        if (!live) return
        if (result.ok) setPeople(result.data)
        else setFailed(true)
      })
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [orgSlug])

  const known = people ?? (owner ? [owner] : [])
  return (
    <>
      <select
        id={control.id}
        autoFocus
        disabled={control.saving}
        aria-invalid={control.invalid || undefined}
        aria-describedby={control.describedBy}
        aria-busy={people === null && !failed}
        className={editorInputClass(control.saving)}
        value={owner?.id ?? ''}
        onChange={(e) => control.commit(e.target.value)}
        onBlur={control.leave}
        onKeyDown={(e) => {
          if (e.key === 'Escape') control.leave()
        }}
      >
        {owner ? null : <option value="">Nobody</option>}
        {known.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        {people === null && !failed ? <option disabled>Loading people…</option> : null}
      </select>
      {failed ? <p className="mt-1 text-sm text-danger">The people could not be loaded. Close and try again.</p> : null}
    </>
  )
}
