import { PageHeader } from '@/components/ui/card'

export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="rounded-lg border border-dashed border-line bg-surface p-10 text-center">
        <p className="font-medium">Nothing here yet</p>
        <p className="mx-auto mt-1 max-w-md text-sm text-ink-soft">{description}</p>
      </div>
    </>
  )
}
