import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { SignInForm } from '@/components/auth/sign-in-form'
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/demo-accounts'
import { roleLabels } from '@/lib/permissions'
import { currentSession } from '@/lib/session'

export const metadata: Metadata = { title: 'Sign in' }

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams
  if (await currentSession()) redirect(callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/')
  const demo = process.env.BATON_DEMO === '1'
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-bold tracking-tight text-ink">
            <span className="text-accent">●</span> Baton
          </p>
          <h1 className="mt-2 text-sm text-ink-soft">Sign in to your workspace</h1>
        </div>
        <SignInForm callbackUrl={callbackUrl ?? '/'} />
        {demo ? (
          <section aria-labelledby="demo-accounts" className="mt-6 rounded-lg border border-dashed border-line p-4 text-sm">
            <h2 id="demo-accounts" className="font-medium">Demo accounts</h2>
            <p className="mt-1 text-ink-soft">
              Password for all: <code className="font-mono text-ink">{DEMO_PASSWORD}</code>
            </p>
            <ul className="mt-2 space-y-0.5 text-ink-soft">
              {DEMO_USERS.map((u) => (
                <li key={u.email}>
                  <code className="font-mono text-ink">{u.email}</code> · {roleLabels[u.role]}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </main>
  )
}
