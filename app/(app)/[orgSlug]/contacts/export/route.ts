import { exportListResponse } from '@/lib/crm/list-export-route'

// The contacts list as CSV, exactly as filtered in its URL (streamed in batches).
export async function GET(request: Request, { params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params
  return exportListResponse(request, orgSlug, 'contacts')
}
