import type { Metadata } from 'next'
import localFont from 'next/font/local'
import './globals.css'

// Inter from the @fontsource-variable/inter package, served locally: no font download at build.
const inter = localFont({ src: './inter-latin-wght-normal.woff2', variable: '--font-inter', display: 'swap', weight: '100 900' })

export const metadata: Metadata = {
  title: { default: 'Baton', template: '%s · Baton' },
  description: 'Sales CRM and delivery projects, joined at the closed-won handoff.',
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  )
}
