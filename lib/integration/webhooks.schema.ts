import { z } from 'zod'
import { EVENT_TYPES } from '@/lib/integration/outbox'

const Url = z
  .string()
  .trim()
  .min(1, 'Enter the URL that receives the events.')
  .max(2000, 'Keep the URL under 2,000 characters.')
  .refine((value) => {
    try {
      const url = new URL(value)
      return url.protocol === 'https:' || url.protocol === 'http:'
    } catch {
      return false
    }
  }, 'Enter a full http:// or https:// URL, for example https://example.com/hooks/baton.')

/** Checkbox values: none ticked means every event. */
const Events = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(EVENT_TYPES, 'Pick events from the list.')))

export const CreateEndpointInput = z.object({
  url: Url,
  description: z.string().trim().max(200, 'Keep the description under 200 characters.').optional().transform((v) => v || null),
  events: Events,
})
export type CreateEndpointInput = z.infer<typeof CreateEndpointInput>

export const UpdateEndpointInput = CreateEndpointInput.extend({ id: z.uuid('Pick an endpoint.'), active: z.stringbool().optional() })
export type UpdateEndpointInput = z.infer<typeof UpdateEndpointInput>

export const EndpointIdInput = z.object({ id: z.uuid('Pick an endpoint.') })
export const DeliveryIdInput = z.object({ id: z.uuid('Pick a delivery.') })
