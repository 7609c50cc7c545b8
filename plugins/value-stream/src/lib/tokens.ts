import type { CSSProperties } from 'react';

/** Foreground colour of a status intent, as a theme CSS variable. */
export const INTENT_FG = {
  success: 'var(--bui-fg-success)',
  warning: 'var(--bui-fg-warning)',
  danger: 'var(--bui-fg-danger)',
  info: 'var(--bui-fg-info)',
} as const;

export type Intent = keyof typeof INTENT_FG;

/**
 * Intent text colours that meet WCAG AA contrast (4.5:1) on the theme's surfaces, in light
 * and dark mode: BUI's `--bui-fg-<intent>` are meant for icons and borders and fall short
 * for small text. Spread into the `style` of a view's root; BUI `Text color="success"` and
 * the like below it then use the theme's subdued intent colour. The keys are the (deprecated)
 * variables this BUI version's `Text` reads, hence the lint warnings.
 */
export const READABLE_INTENT_TEXT = {
  '--bui-fg-success': 'var(--bui-positive-fg-subdued)',
  '--bui-fg-warning': 'var(--bui-warning-fg-subdued)',
  '--bui-fg-danger': 'var(--bui-negative-fg-subdued)',
  '--bui-fg-info': 'var(--bui-announcement-fg-subdued)',
} as CSSProperties;
