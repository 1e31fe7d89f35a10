// The embedded clusters Baton starts when DATABASE_URL is not set.
// The app and the tests use separate clusters so a running demo never blocks a test run.
export const devDatabase = { cluster: 'pg-dev', port: 54320, portVariable: 'BATON_DB_PORT', database: 'baton' }
export const testDatabase = { cluster: 'pg-test', port: 54330, portVariable: 'BATON_TEST_DB_PORT', database: 'postgres' }
