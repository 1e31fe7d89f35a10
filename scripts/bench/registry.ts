// Every hot path `npm run bench` measures. A later issue adds its own file next to crm.ts
// (for example scripts/bench/projects.ts with suite 'projects') and spreads it in here;
// its results then go to bench-results/<suite>.json.
import { crmHotPaths } from './crm'
import { dashboardHotPaths } from './dashboards'
import { deliveryHotPaths } from './delivery'
import { handoffHotPaths } from './handoff'
import type { HotPath } from './types'

export const HOT_PATHS: HotPath[] = [...crmHotPaths, ...deliveryHotPaths, ...handoffHotPaths, ...dashboardHotPaths]
