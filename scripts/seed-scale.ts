// Usage: npm run seed:scale [-- --scale 0.1 | --deals 50000 | --projects 5000 --tasks 250000 ... | --reset]
// Creates "Scale Co" (/scale): 20,000 companies, 100,000 contacts, 50,000 deals across two
// pipelines with line items, deal contacts and activities, and 5,000 projects with 250,000
// tasks (plus the bench's "Bench board 300", "Bench redate 200", "Bench template 40" and a busy
// delivery1@scale.test), in SQL, in minutes. Runs against
// DATABASE_URL, or the embedded development cluster's `baton_scale` database when it is unset.
// Sign in as admin@scale.test, manager@scale.test, rep1..rep20@scale.test or delivery1..@scale.test (password baton-demo-2026).
import { parseScaleArgs, SCALE_USAGE } from './scale/options'
import { openScaleDatabase, scalePrisma } from './scale/database'
import { ScaleOrgExists, seedScale } from './scale/seed'

const say = (line: string) => console.log(line)

if (process.argv.includes('--help')) {
  console.log(`npm run seed:scale -- [options]\n${SCALE_USAGE}`)
  process.exit(0)
}
let options
try {
  options = parseScaleArgs(process.argv.slice(2))
} catch (error) {
  console.error(`${(error as Error).message}\n\nnpm run seed:scale -- [options]\n${SCALE_USAGE}`)
  process.exit(2)
}

const database = await openScaleDatabase(say)
const prisma = scalePrisma(database.url)
let code = 0
try {
  say(`Seeding Scale Co: ${options.companies} companies, ${options.contacts} contacts, ${options.deals} deals, ${options.reps} reps, ~${options.activitiesPerDeal} activities per deal`)
  if (options.projects > 0) say(`  and ${options.projects} projects with ${options.tasks} tasks, ${options.delivery} delivery people, plus the bench fixtures`)
  await seedScale(prisma, options, say)
  say('Done. Sign in as admin@scale.test or rep1@scale.test with password baton-demo-2026.')
} catch (error) {
  if (!(error instanceof ScaleOrgExists)) throw error
  console.error(error.message)
  code = 1
} finally {
  await prisma.$disconnect()
  await database.stop()
}
process.exit(code)
