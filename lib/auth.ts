import 'server-only'
import NextAuth from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { db } from '@/lib/db'
import { SignInInput, verifyCredentials } from '@/lib/auth/credentials'
import { env } from '@/lib/env'

// Email + password sign-in with JWT sessions. The token carries only the user id:
// organization and role are read from the database on every request (lib/authz.ts),
// so a changed role takes effect at once.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/sign-in' },
  // A wrong password is an expected outcome, not a server error worth a stack trace.
  logger: {
    error(error) {
      // `type`, not `name`: class names are minified in the production build.
      if ((error as { type?: string }).type !== 'CredentialsSignin') console.error(error)
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw) {
        const parsed = SignInInput.safeParse(raw)
        if (!parsed.success) return null
        return verifyCredentials(db, parsed.data)
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id
      return token
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub
      return session
    },
  },
}))
