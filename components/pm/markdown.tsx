'use client'
import ReactMarkdown, { defaultUrlTransform, type Components } from 'react-markdown'
import remarkGfm from 'remark-gfm'
import { mentionRanges, type Mentionable } from '@/lib/pm/mentions'
import { cn } from '@/components/ui/cn'

const MENTION = 'mention:'

/** "@Dev Delivery" -> a Markdown link with the mention: scheme, drawn as a chip below. */
function linkMentions(body: string, mentions: Mentionable[]) {
  if (mentions.length === 0) return body
  let out = ''
  let at = 0
  const ranges: { id: string; start: number; end: number }[] = []
  // Every occurrence, not only the first: mask found ones and search again.
  let rest = body
  for (let found = mentionRanges(rest, mentions); found.length; found = mentionRanges(rest, mentions)) {
    ranges.push(...found)
    for (const r of found) rest = rest.slice(0, r.start) + '\u0000'.repeat(r.end - r.start) + rest.slice(r.end)
  }
  ranges.sort((a, b) => a.start - b.start)
  for (const range of ranges) {
    out += body.slice(at, range.start) + `[${body.slice(range.start, range.end)}](${MENTION}${range.id})`
    at = range.end
  }
  return out + body.slice(at)
}

const components: Components = {
  a: ({ href, children }) =>
    href?.startsWith(MENTION) ? (
      <span className="rounded bg-accent/10 px-0.5 font-medium text-accent" data-mention={href.slice(MENTION.length)}>
        {children}
      </span>
    ) : (
      <a href={href} target="_blank" rel="noreferrer noopener" className="text-accent underline underline-offset-2">
        {children}
      </a>
    ),
  p: ({ children }) => <p className="my-1.5 first:mt-0 last:mb-0">{children}</p>,
  ul: ({ children, className }) => <ul className={cn('my-1.5 list-disc pl-5', className?.includes('contains-task-list') && 'list-none pl-1')}>{children}</ul>,
  ol: ({ children }) => <ol className="my-1.5 list-decimal pl-5">{children}</ol>,
  li: ({ children }) => <li className="my-0.5">{children}</li>,
  h1: ({ children }) => <h3 className="mb-1 mt-3 text-base font-semibold first:mt-0">{children}</h3>,
  h2: ({ children }) => <h3 className="mb-1 mt-3 text-sm font-semibold first:mt-0">{children}</h3>,
  h3: ({ children }) => <h4 className="mb-1 mt-2 text-sm font-semibold first:mt-0">{children}</h4>,
  blockquote: ({ children }) => <blockquote className="my-1.5 border-l-2 border-line pl-3 text-ink-soft">{children}</blockquote>,
  code: ({ children }) => <code className="rounded bg-muted px-1 py-px font-mono text-[0.85em]">{children}</code>,
  pre: ({ children }) => <pre className="my-2 overflow-x-auto rounded-md bg-muted p-2 text-xs [&_code]:bg-transparent [&_code]:p-0">{children}</pre>,
  table: ({ children }) => <table className="my-2 w-full border-collapse text-xs">{children}</table>,
  th: ({ children }) => <th className="border border-line px-2 py-1 text-left font-semibold">{children}</th>,
  td: ({ children }) => <td className="border border-line px-2 py-1">{children}</td>,
  hr: () => <hr className="my-3 border-line" />,
  input: ({ checked, type }) => (type === 'checkbox' ? <input type="checkbox" checked={checked} readOnly disabled className="mr-1.5 align-middle accent-accent" /> : null),
}

/** Markdown as the team wrote it (GitHub flavour: lists, task lists, tables, links); raw HTML is not rendered. */
export function Markdown({ text, mentions = [], className }: { text: string; mentions?: Mentionable[]; className?: string }) {
  return (
    <div className={cn('text-sm leading-relaxed text-ink [overflow-wrap:anywhere]', className)}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components} urlTransform={(url) => (url.startsWith(MENTION) ? url : defaultUrlTransform(url))}>
        {linkMentions(text, mentions)}
      </ReactMarkdown>
    </div>
  )
}
