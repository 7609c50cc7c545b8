/** Foreground colour of a status intent, as a theme CSS variable. */
export const INTENT_FG = {
  success: 'var(--bui-fg-success)',
  warning: 'var(--bui-fg-warning)',
  danger: 'var(--bui-fg-danger)',
  info: 'var(--bui-fg-info)',
} as const;

export type Intent = keyof typeof INTENT_FG;
