'use client'
import { MessageSquare } from 'lucide-react'
import { useId, useState, useTransition } from 'react'
import { addCommentAction, deleteCommentAction, editCommentAction } from '@/app/(app)/[orgSlug]/projects/[projectId]/actions'
import type { CommentDto } from '@/lib/pm/comments'
import type { Mentionable } from '@/lib/pm/mentions'
import { Avatar } from '@/components/ui/avatar'
import { Button } from '@/components/ui/button'
import { Markdown } from '@/components/pm/markdown'
import type { SectionProps } from './drawer-types'
import { MentionTextarea } from './mention-textarea'

/** Comments, oldest first, and a composer with @mentions (everyone who can read the project may comment). */
export function TaskComments({ orgSlug, detail, apply }: SectionProps) {
  const people = detail.people
  const id = useId()
  const [body, setBody] = useState('')
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  const submit = () =>
    startTransition(async () => {
      const message = apply(await addCommentAction({ orgSlug, taskId: detail.id, body }), 'body')
      setError(message)
      if (!message) setBody('')
    })

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="mb-2 flex items-center gap-1.5 text-sm font-semibold">
        <MessageSquare className="size-4 text-ink-soft" aria-hidden /> Comments
        <span className="text-xs font-normal text-ink-soft">{detail.comments.length || ''}</span>
      </h3>
      <ol className="space-y-3" data-testid="comments">
        {detail.comments.map((comment) => (
          <Comment key={comment.id} comment={comment} orgSlug={orgSlug} taskId={detail.id} apply={apply} people={people} />
        ))}
      </ol>
      <form
        className="mt-3 space-y-2"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <label htmlFor={`${id}-new`} className="sr-only">
          Write a comment
        </label>
        <MentionTextarea
          id={`${id}-new`}
          rows={3}
          value={body}
          onValueChange={setBody}
          people={people}
          onSubmitShortcut={submit}
          placeholder="Write a comment… type @ to mention someone"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-sm text-danger">
            {error}
          </p>
        ) : null}
        <div className="flex items-center justify-between">
          <span className="text-xs text-ink-soft">Markdown · Ctrl+Enter sends</span>
          <Button type="submit" size="sm" disabled={pending || !body.trim()}>
            {pending ? 'Sending…' : 'Comment'}
          </Button>
        </div>
      </form>
    </section>
  )
}

function Comment({ comment, orgSlug, taskId, apply, people }: { comment: CommentDto & { when: string }; orgSlug: string; taskId: string; apply: SectionProps['apply']; people: Mentionable[] }) {
  const id = useId()
  const [editing, setEditing] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [draft, setDraft] = useState(comment.body)
  const [error, setError] = useState<string>()
  const [pending, startTransition] = useTransition()
  const save = () =>
    startTransition(async () => {
      const message = apply(await editCommentAction({ orgSlug, taskId, commentId: comment.id, body: draft }), 'body')
      setError(message)
      if (!message) setEditing(false)
    })
  const remove = () =>
    startTransition(async () => {
      setError(apply(await deleteCommentAction({ orgSlug, commentId: comment.id })))
    })
  const author = comment.author ?? { id: 'gone', name: 'Former member' }

  return (
    <li className="flex gap-2.5" data-testid="comment">
      <Avatar id={author.id} name={author.name} className="mt-0.5" />
      <div className="min-w-0 flex-1">
        <p className="text-xs text-ink-soft">
          <span className="font-medium text-ink">{author.name}</span> · <time dateTime={comment.createdAt}>{comment.when}</time>
          {comment.editedAt ? <span> · edited</span> : null}
        </p>
        {editing ? (
          <div className="mt-1 space-y-2">
            <MentionTextarea
              rows={3}
              value={draft}
              onValueChange={setDraft}
              people={people}
              onSubmitShortcut={save}
              aria-label="Edit comment"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              autoFocus
            />
            <div className="flex justify-end gap-2">
              <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
                Cancel
              </Button>
              <Button size="sm" onClick={save} disabled={pending}>
                Save
              </Button>
            </div>
          </div>
        ) : (
          <div className="mt-0.5 rounded-md bg-muted/60 px-3 py-2">
            <Markdown text={comment.body} mentions={comment.mentions} />
          </div>
        )}
        {comment.mine && !editing ? (
          <div className="mt-1 flex gap-2 text-xs text-ink-soft">
            {confirming ? (
              <>
                <span>Delete this comment?</span>
                <button type="button" className="font-medium text-danger hover:underline" onClick={remove} disabled={pending}>
                  Delete
                </button>
                <button type="button" className="hover:underline" onClick={() => setConfirming(false)}>
                  Keep
                </button>
              </>
            ) : (
              <>
                <button
                  type="button"
                  className="hover:text-ink hover:underline"
                  onClick={() => {
                    setDraft(comment.body)
                    setEditing(true)
                  }}
                >
                  Edit
                </button>
                <button type="button" className="hover:text-danger hover:underline" onClick={() => setConfirming(true)}>
                  Delete
                </button>
              </>
            )}
          </div>
        ) : null}
        {error ? (
          <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-danger">
            {error}
          </p>
        ) : null}
      </div>
    </li>
  )
}
