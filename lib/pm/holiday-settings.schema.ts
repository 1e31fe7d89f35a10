import { z } from 'zod'
import { isDay } from '@/lib/dates'

export const AddHolidayInput = z.object({
  day: z.string().trim().refine(isDay, 'Enter a date.'),
  name: z.string().trim().min(1, 'Name the holiday.').max(80, 'Keep it under 80 characters.'),
})
export type AddHolidayInput = z.infer<typeof AddHolidayInput>

export const HolidayIdInput = z.object({ holidayId: z.uuid() })
