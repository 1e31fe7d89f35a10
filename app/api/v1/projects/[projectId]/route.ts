import { db } from '@/lib/db'
import { apiHandler, apiJson } from '@/lib/api/handler'
import { getProjectForApi } from '@/lib/api/projects'

/** GET /api/v1/projects/{id} — a project with its milestones and tasks (SALES: projects of their deals). */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  return apiHandler(request, async (caller) => apiJson({ data: await getProjectForApi(db, caller.ctx, projectId) }))
}
