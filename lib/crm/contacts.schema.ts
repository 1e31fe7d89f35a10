import { z } from 'zod'
import { blankToNull } from '@/lib/crm/companies.schema'

const nullableText = (max: number, message: string) => z.preprocess(blankToNull, z.string().trim().max(max, message).nullable())

export const EmailInput = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim().toLowerCase()) : v),
  z.email('Enter a valid email address.').max(254, 'That email address is too long.').nullable(),
)

/** Every editable field of a contact; each one is also validated alone by inline edits. */
export const ContactFields = z.object({
  firstName: z.string().trim().min(1, 'Enter a first name.').max(100, 'Keep the first name under 100 characters.'),
  /** some people have one name: the last name may stay empty */
  lastName: z.preprocess((v) => (v === null ? '' : v), z.string().trim().max(100, 'Keep the last name under 100 characters.')),
  email: EmailInput,
  phone: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(40, 'Keep the phone number under 40 characters.')
      .regex(/^[+()\d][\d\s()./-]*(?:\s*(?:x|ext\.?)\s*\d+)?$/i, 'Enter a phone number like +49 30 1234567.')
      .nullable(),
  ),
  jobTitle: nullableText(200, 'Keep the job title under 200 characters.'),
  companyId: z.preprocess(blankToNull, z.uuid('Choose a company.').nullable()),
  ownerId: z.preprocess(blankToNull, z.uuid('Choose an owner.').nullable()),
})
export type ContactField = keyof typeof ContactFields.shape
export const CONTACT_FIELDS = Object.keys(ContactFields.shape) as ContactField[]

export const CreateContactInput = ContactFields.partial().required({ firstName: true })
export type CreateContactInput = z.infer<typeof CreateContactInput>

export const UpdateContactInput = ContactFields.partial().extend({ id: z.uuid() })
export type UpdateContactInput = z.infer<typeof UpdateContactInput>

export const contactName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`.trim()
