import { z } from 'zod'

/** "blocker blocks blocked": the blocked task waits for the blocker. */
export const DependencyInput = z.object({
  blockerId: z.uuid('Choose a task.'),
  blockedId: z.uuid('Choose a task.'),
})
export type DependencyInput = z.infer<typeof DependencyInput>
