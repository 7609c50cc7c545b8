/** Foreground colour of a status intent, as a theme CSS variable. */
export const INTENT_FG = {
  success: 'var(--bui-positive-fg)',
  warning: 'var(--bui-warning-fg)',
  danger: 'var(--bui-negative-fg)',
  info: 'var(--bui-announcement-fg)',
} as const;

export type Intent = keyof typeof INTENT_FG;
