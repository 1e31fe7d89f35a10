'use client'
import Link from 'next/link'
import { ArrowDown, ArrowUp, ArrowUpDown, CheckCircle2, Diamond, Lock } from 'lucide-react'
import { Avatar } from '@/components/ui/avatar'
import { Badge } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import { daysBetween, formatDay, type Day } from '@/lib/dates'
import type { ProjectTaskList, ProjectTaskRow, TaskListGroup } from '@/lib/pm/task-list'
import type { TaskListSort } from '@/lib/pm/task-list.schema'
import { CollapsibleGroup } from './collapsible-group'

const COLUMNS = 7

const statusTones: Record<ProjectTaskRow['status']['kind'], string> = {
  TODO: 'bg-muted text-ink-soft',
  DOING: 'bg-accent/10 text-accent',
  BLOCKED: 'bg-warning/15 text-warning',
  DONE: 'bg-success/10 text-success',
}

const short = (day: Day) => formatDay(day, 'en-US', { day: 'numeric', month: 'short' })

/** Hours from minutes: "4 h", "1.5 h". */
export function formatEstimate(minutes: number | null) {
  if (minutes === null) return '—'
  const hours = Math.round((minutes / 60) * 10) / 10
  return `${hours.toLocaleString('en-US')} h`
}

function SortHeader({ label, sort, list, base, className }: { label: string; sort: TaskListSort; list: ProjectTaskList; base: string; className?: string }) {
  const active = list.sort === sort
  const nextDir = active && list.dir === 'asc' ? 'desc' : 'asc'
  const Icon = !active ? ArrowUpDown : list.dir === 'asc' ? ArrowUp : ArrowDown
  return (
    <th scope="col" aria-sort={active ? (list.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={cn('px-3 py-2 font-medium', className)}>
      <Link href={`${base}?sort=${sort}&dir=${nextDir}`} className={cn('inline-flex items-center gap-1 hover:text-ink', active && 'text-ink')} scroll={false}>
        {label}
        <Icon className="size-3" aria-hidden />
        <span className="sr-only">{active ? `, sorted ${list.dir === 'asc' ? 'ascending' : 'descending'}` : ', sort'}</span>
      </Link>
    </th>
  )
}

function GroupHeader({ group, today }: { group: TaskListGroup; today: Day }) {
  const m = group.milestone
  const done = Boolean(m?.done) || (group.tasks.length > 0 && group.doneCount === group.tasks.length)
  const late = m && !done && m.dueOn < today
  return (
    <span className="flex flex-1 flex-wrap items-center gap-x-3 gap-y-1">
      <span className="flex items-center gap-1.5 font-semibold">
        {m ? <Diamond className={cn('size-3.5', done ? 'fill-success text-success' : 'fill-accent text-accent')} aria-hidden /> : null}
        {m ? m.name : 'No milestone'}
      </span>
      {m ? (
        <span className={cn('text-xs', late ? 'font-medium text-danger' : 'text-ink-soft')}>
          due {short(m.dueOn)}
          {m.baselineDueOn !== m.dueOn ? <span className="text-ink-soft"> · baseline {short(m.baselineDueOn)}</span> : null}
        </span>
      ) : null}
      <span className="ml-auto text-xs text-ink-soft tabular-nums">
        {group.doneCount}/{group.tasks.length} done
      </span>
    </span>
  )
}

function TaskRow({ task, href, today }: { task: ProjectTaskRow; href: string; today: Day }) {
  const done = task.completedOn !== null
  const overdue = !done && task.dueOn !== null && task.dueOn < today
  const moved = task.baselineDueOn && task.dueOn && task.baselineDueOn !== task.dueOn ? daysBetween(task.baselineDueOn, task.dueOn) : 0
  const late = done && task.baselineDueOn !== null && task.completedOn! > task.baselineDueOn
  return (
    <tr className="hover:bg-muted/40" data-testid="task-list-row" data-task-id={task.id}>
      <td className="max-w-0 px-3 py-2">
        <div className="flex min-w-0 items-center gap-2">
          {done ? <CheckCircle2 className="size-4 shrink-0 text-success" aria-label="Done" /> : <span className="size-4 shrink-0 rounded-full border border-line" aria-hidden />}
          <Link href={href} className={cn('truncate font-medium hover:underline', done && 'text-ink-soft')}>
            {task.title}
          </Link>
          {task.blocked ? (
            <Badge className="shrink-0 gap-1 bg-warning/15 text-warning">
              <Lock className="size-3" aria-hidden /> Blocked
            </Badge>
          ) : null}
          {late ? <Badge className="shrink-0 bg-danger/10 text-danger">Done late</Badge> : null}
        </div>
      </td>
      <td className="px-3 py-2 whitespace-nowrap">
        <Badge className={statusTones[task.status.kind]}>{task.status.name}</Badge>
      </td>
      <td className="px-3 py-2">
        {task.assignee ? (
          <span className="flex min-w-0 items-center gap-2">
            <Avatar id={task.assignee.id} name={task.assignee.name} className="size-5 text-[9px]" />
            <span className="truncate">{task.assignee.name}</span>
          </span>
        ) : (
          <span className="text-ink-soft">Unassigned</span>
        )}
      </td>
      <td className="px-3 py-2 whitespace-nowrap text-ink-soft tabular-nums">{task.startOn ? short(task.startOn) : '—'}</td>
      <td className={cn('px-3 py-2 whitespace-nowrap tabular-nums', overdue && 'font-medium text-danger')} title={overdue ? `Overdue by ${daysBetween(task.dueOn!, today)} days` : undefined}>
        {task.dueOn ? short(task.dueOn) : '—'}
        {overdue ? <span className="sr-only"> (overdue)</span> : null}
      </td>
      <td className="px-3 py-2 whitespace-nowrap text-ink-soft tabular-nums">
        {moved ? (
          <span title={`Planned for ${formatDay(task.baselineDueOn!)}; moved ${Math.abs(moved)} days ${moved > 0 ? 'later' : 'earlier'}`}>
            {short(task.baselineDueOn!)}
            <span className={cn('ml-1 text-xs', moved > 0 ? 'text-warning' : 'text-success')}>
              {moved > 0 ? '+' : '−'}
              {Math.abs(moved)}d
            </span>
          </span>
        ) : null}
      </td>
      <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{formatEstimate(task.estimateMinutes)}</td>
    </tr>
  )
}

/**
 * All tasks of a project as a table: a collapsible group per milestone, sortable by due date,
 * assignee and status. A client component: for a 300-task project the page sends the rows'
 * data rather than their markup twice.
 */
export function TaskListTable({ orgSlug, list, today }: { orgSlug: string; list: ProjectTaskList; today: Day }) {
  const base = `/${orgSlug}/projects/${list.project.id}/list`
  const taskHref = (id: string) => `/${orgSlug}/projects/${list.project.id}?task=${id}`
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface shadow-xs">
      <table className="w-full min-w-[56rem] table-fixed text-left text-sm" data-testid="task-list">
        <caption className="sr-only">Tasks of {list.project.name}, grouped by milestone</caption>
        <colgroup>
          <col />
          <col className="w-32" />
          <col className="w-44" />
          <col className="w-20" />
          <col className="w-20" />
          <col className="w-28" />
          <col className="w-20" />
        </colgroup>
        <thead className="text-xs text-ink-soft">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Task</th>
            <SortHeader label="Status" sort="status" list={list} base={base} />
            <SortHeader label="Assignee" sort="assignee" list={list} base={base} />
            <th scope="col" className="px-3 py-2 font-medium">Start</th>
            <SortHeader label="Due" sort="due" list={list} base={base} />
            <th scope="col" className="px-3 py-2 font-medium">Baseline</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Estimate</th>
          </tr>
        </thead>
        {list.groups.map((group) => {
          const id = `group-${group.milestone?.id ?? 'none'}`
          return (
            <CollapsibleGroup key={id} id={id} columns={COLUMNS} header={<GroupHeader group={group} today={today} />}>
              {group.tasks.length ? (
                group.tasks.map((task) => <TaskRow key={task.id} task={task} href={taskHref(task.id)} today={today} />)
              ) : (
                <tr>
                  <td colSpan={COLUMNS} className="px-3 py-3 text-sm text-ink-soft">
                    No tasks in this milestone.
                  </td>
                </tr>
              )}
            </CollapsibleGroup>
          )
        })}
      </table>
    </div>
  )
}
