import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a 403 for a role that may not do a thing.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typedRoutes: false,
}

export default nextConfig
