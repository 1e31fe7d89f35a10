import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a 403 for a role that may not do a thing.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // `npm test` typechecks the whole project as its own stage (tsc --noEmit); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The test run builds into its own folder so it never replaces the build a running demo serves.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  typedRoutes: false,
}

export default nextConfig
