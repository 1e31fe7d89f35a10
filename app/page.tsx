import { redirect } from 'next/navigation'
import { landingPath } from '@/lib/page-auth'

export default async function Home() {
  redirect(await landingPath())
}
