import { z } from 'zod'

const Body = z.string().trim().min(1, 'Write something first.').max(10_000, 'Keep the comment under 10,000 characters.')

export const AddCommentInput = z.object({ taskId: z.uuid(), body: Body })
export type AddCommentInput = z.infer<typeof AddCommentInput>

export const EditCommentInput = z.object({ commentId: z.uuid(), body: Body })
export type EditCommentInput = z.infer<typeof EditCommentInput>

export const DeleteCommentInput = z.object({ commentId: z.uuid() })
export type DeleteCommentInput = z.infer<typeof DeleteCommentInput>
