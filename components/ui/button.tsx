import type { ButtonHTMLAttributes } from 'react'
import { cn } from './cn'

const variants = {
  primary: 'bg-accent text-white hover:bg-accent-strong disabled:bg-accent/60',
  secondary: 'border border-line bg-surface text-ink hover:bg-muted disabled:text-ink-soft',
  ghost: 'text-ink-soft hover:bg-muted hover:text-ink',
  danger: 'bg-danger text-white hover:bg-danger/90',
} as const

const sizes = { sm: 'h-8 px-3 text-sm', md: 'h-9 px-4 text-sm' } as const

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof variants
  size?: keyof typeof sizes
}

export function buttonClass(variant: keyof typeof variants = 'primary', size: keyof typeof sizes = 'md', className?: string) {
  return cn(
    'inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors disabled:cursor-not-allowed',
    variants[variant],
    sizes[size],
    className,
  )
}

export function Button({ variant = 'primary', size = 'md', className, type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />
}
