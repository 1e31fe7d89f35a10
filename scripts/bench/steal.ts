// How much CPU time the virtual machine's host took while something ran ("steal" in
// /proc/stat): on a shared host the same code can run twice as slowly when it is high, so the
// report prints it next to each path's timings. null where /proc/stat is missing (not Linux).
import { readFileSync } from 'node:fs'

type Ticks = { busy: number; steal: number }

function ticks(): Ticks | null {
  try {
    // cpu  user nice system idle iowait irq softirq steal ...
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    return { busy: user! + nice! + system! + irq! + softirq! + steal!, steal: steal! }
  } catch {
    return null
  }
}

/** Starts counting; the returned function gives the share of busy CPU time stolen since (0..1). */
export function stealMeter(): () => number | null {
  const start = ticks()
  return () => {
    const end = ticks()
    if (!start || !end || end.busy <= start.busy) return null
    return (end.steal - start.steal) / (end.busy - start.busy)
  }
}
