import { HEALTH_RULES } from '@/lib/pm/project-health'
import { HealthBadge } from './project-badges'

/** "How health is worked out": the rules, in the order they are checked. */
export function HealthRules() {
  return (
    <details className="mt-4 text-sm text-ink-soft">
      <summary className="cursor-pointer select-none hover:text-ink">How health is worked out</summary>
      <ol className="mt-2 space-y-1.5 pl-1">
        {HEALTH_RULES.map((r) => (
          <li key={r.rule} className="flex items-start gap-2">
            <HealthBadge health={r.health} className="mt-px shrink-0" legend />
            <span>{r.rule}</span>
          </li>
        ))}
      </ol>
    </details>
  )
}
