import { DEMO_PASSWORD, DEMO_USERS } from '../../lib/demo-accounts'

export { DEMO_PASSWORD, DEMO_USERS }
export const GLOBEX = { name: 'Globex', slug: 'globex', adminEmail: 'admin@globex.test' }
