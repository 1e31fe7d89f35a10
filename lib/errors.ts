import { Prisma } from '@/lib/generated/prisma/client'

export type AppErrorCode = 'UNAUTHENTICATED' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID'

const httpStatus: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 422,
}

/** An expected failure whose message is safe to show to the user. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** optional field the message belongs to, shown next to that input */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
  get status() {
    return httpStatus[this.code]
  }
}

export const notFound = (what = 'This record') => new AppError('NOT_FOUND', `${what} was not found.`)

/**
 * Maps the Prisma errors a service can expect into AppError; anything else is rethrown.
 * With adapter-pg, P2002 carries the constraint in meta.driverAdapterError, not always meta.target.
 */
export function mapPrismaError(error: unknown, messages: { unique?: string; missing?: string } = {}): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2002') {
      throw new AppError('CONFLICT', messages.unique ?? 'A record with these values already exists.', uniqueField(error))
    }
    if (error.code === 'P2025') throw notFound(messages.missing)
  }
  throw error
}

/**
 * The field of a unique violation. Older shapes carry meta.target; adapter-pg gives the
 * index name in meta.driverAdapterError.cause.constraint.index (e.g. "user_email_key",
 * "company_org_id_domain_key"): drop the table, the org_id lead and the suffix, camelCase the rest.
 */
export function uniqueField(error: Prisma.PrismaClientKnownRequestError): string | undefined {
  const meta = error.meta as Record<string, unknown> | undefined
  const target = meta?.target
  if (Array.isArray(target) && typeof target[0] === 'string') return target.at(-1)
  const cause = (meta?.driverAdapterError as { cause?: { table?: string; constraint?: { fields?: string[]; index?: string } } } | undefined)?.cause
  const fields = cause?.constraint?.fields
  if (Array.isArray(fields) && fields.length) return camel(String(fields.at(-1)).replaceAll('"', ''))
  const index = cause?.constraint?.index
  if (!index) return undefined
  const column = index
    .replace(cause?.table ? new RegExp(`^${cause.table}_`) : /^/, '')
    .replace(/_(key|idx|unique)$/, '')
    .replace(/^org_id_/, '')
  return camel(column)
}

const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
