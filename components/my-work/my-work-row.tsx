import Link from 'next/link'
import { SpriteIcon } from '@/components/ui/sprite-icon'
import { cn } from '@/components/ui/cn'
import type { MyWorkItem } from '@/lib/pm/my-work'
import { DoneCheckbox } from './done-checkbox'
import { dueLabel } from './due-label'
import styles from './my-work-row.module.css'

const recordPaths = { deal: 'deals', contact: 'contacts', company: 'companies' } as const

/** Where an item opens: a project task in its board's drawer, a follow-up on its record's page. */
export function itemHref(orgSlug: string, item: MyWorkItem) {
  if (item.source === 'project') return `/${orgSlug}/projects/${item.project.id}?task=${item.id}`
  return `/${orgSlug}/${recordPaths[item.record.type]}/${item.record.id}`
}

function Context({ item }: { item: MyWorkItem }) {
  const [icon, label, name, aside] =
    item.source === 'project'
      ? (['project', 'Project:', item.project.name, item.milestone] as const)
      : ([item.record.type, `Follow-up on ${item.record.type}:`, item.record.name, item.companyName] as const)
  return (
    <span className={styles.where}>
      <SpriteIcon name={icon} className={styles.whereIcon} />
      <span className="sr-only">{label}</span>
      <span className={styles.name}>
        {name}
        {aside ? <span className={styles.aside}> · {aside}</span> : null}
      </span>
    </span>
  )
}

export function MyWorkRow({ orgSlug, item, today, viewerIsPerson }: { orgSlug: string; item: MyWorkItem; today: string; viewerIsPerson: boolean }) {
  const done = item.doneAt !== null
  const overdue = !done && item.dueOn !== null && item.dueOn < today
  const due = dueLabel(item.dueOn, today)
  const disabledReason = item.canComplete
    ? undefined
    : item.source === 'project'
      ? 'Your role can follow this project but not change its tasks.'
      : viewerIsPerson
        ? 'Your role cannot change CRM tasks.'
        : 'You cannot complete this follow-up.'
  return (
    <li className={styles.row} data-testid="my-work-item" data-source={item.source} data-item-id={item.id}>
      <span className={styles.check}>
        <DoneCheckbox source={item.source} id={item.id} title={item.title} done={done} disabledReason={disabledReason} blocked={item.source === 'project' && item.blocked} />
      </span>
      <div className={styles.main}>
        <Link href={itemHref(orgSlug, item)} className={cn(styles.title, done && styles.doneTitle)}>
          {item.title}
        </Link>
        <div className={styles.context}>
          <Context item={item} />
        </div>
      </div>
      <div className={styles.end}>
        {item.source === 'project' && item.blocked && !done ? (
          <span className={cn(styles.badge, styles.blocked)}>
            <SpriteIcon name="lock" className={styles.lock} /> Blocked
          </span>
        ) : null}
        <span className={cn(styles.badge, styles.wide, item.source === 'project' ? styles[item.status.kind] : styles.followUp)}>{item.source === 'project' ? item.status.name : 'Follow-up'}</span>
        <time dateTime={item.dueOn ?? undefined} title={due.title} className={cn(styles.due, overdue && styles.late)}>
          {due.text}
        </time>
      </div>
    </li>
  )
}
