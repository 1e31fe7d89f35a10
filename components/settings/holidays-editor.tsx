'use client'
import { CalendarDays, Trash2 } from 'lucide-react'
import { addHolidayAction, removeHolidayAction } from '@/app/(app)/[orgSlug]/settings/holidays/actions'
import { ActionForm } from '@/components/ui/action-form'
import { Button } from '@/components/ui/button'
import { Badge, Card } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import { TextField } from '@/components/ui/field'
import { longDay } from '@/components/templates/format'
import { isWeekend } from '@/lib/dates'
import type { HolidayDto } from '@/lib/pm/holiday-settings'

export function HolidaysEditor({ orgSlug, holidays, today }: { orgSlug: string; holidays: HolidayDto[]; today: string }) {
  const years = [...new Set(holidays.map((h) => h.day.slice(0, 4)))]
  return (
    <Card className="max-w-2xl p-5">
      <p className="text-sm text-ink-soft">
        Tasks whose dates count business days skip weekends and these days. They apply when dates are worked out (a new project, a
        changed kickoff, the template preview); existing dates do not move on their own.
      </p>
      {holidays.length === 0 ? (
        <p className="mt-4 rounded-md border border-dashed border-line px-4 py-6 text-center text-sm text-ink-soft">No holidays yet.</p>
      ) : (
        years.map((year) => (
          <section key={year} className="mt-5" aria-labelledby={`year-${year}`}>
            <h2 id={`year-${year}`} className="text-xs font-semibold uppercase tracking-wide text-ink-soft">{year}</h2>
            <ul className="mt-1 divide-y divide-line">
              {holidays
                .filter((h) => h.day.startsWith(year))
                .map((holiday) => (
                  <li key={holiday.id} className={cn('flex items-center gap-3 py-2', holiday.day < today && 'opacity-60')} data-testid="holiday">
                    <CalendarDays className="size-4 text-ink-soft" aria-hidden />
                    <span className="w-40 text-sm tabular-nums">{longDay(holiday.day)}</span>
                    <span className="flex-1 text-sm font-medium">{holiday.name}</span>
                    {isWeekend(holiday.day) ? <Badge title="Weekends are skipped anyway">Weekend</Badge> : null}
                    <ActionForm action={removeHolidayAction} hidden={{ orgSlug, holidayId: holiday.id }}>
                      {({ pending }) => (
                        <Button type="submit" size="sm" variant="ghost" className="px-2" disabled={pending} aria-label={`Remove ${holiday.name} ${holiday.day}`}>
                          <Trash2 className="size-4" aria-hidden />
                        </Button>
                      )}
                    </ActionForm>
                  </li>
                ))}
            </ul>
          </section>
        ))
      )}
      <ActionForm action={addHolidayAction} hidden={{ orgSlug }} className="mt-5 border-t border-line pt-4" label="Add a holiday">
        {({ errors, values, pending, done }) => (
          <div key={done} className="flex flex-wrap items-start gap-2">
            <TextField label="Date" name="day" type="date" defaultValue={values?.day} error={errors.day} className="w-44" />
            <TextField label="Name" name="name" placeholder="e.g. Christmas Day" defaultValue={values?.name} error={errors.name} className="min-w-48 flex-1" />
            <Button type="submit" size="sm" disabled={pending} className="mt-6">Add holiday</Button>
          </div>
        )}
      </ActionForm>
    </Card>
  )
}
