import { NextResponse, type NextRequest } from 'next/server'
import { db } from '@/lib/db'
import { currentSession } from '@/lib/session'
import { columnPageResponse } from '@/lib/crm/board-column'

// GET /[orgSlug]/pipeline/column?stage=<id>&cursor=<nextCursor>[&pipeline&owner&close&type]:
// the next page of one board column as JSON, with the same filters as the board's URL.
export async function GET(request: NextRequest, { params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  const { status, body } = await columnPageResponse(db, await currentSession(), orgSlug, request.nextUrl.searchParams)
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } })
}
