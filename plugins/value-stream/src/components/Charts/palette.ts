/**
 * Series colours. Mid-lightness hues read on both light and dark surfaces;
 * each can be themed through its CSS variable.
 */
const HUES = [210, 160, 35, 280, 0, 190, 95, 320, 245, 130];

export function seriesColor(index: number): string {
  const hue = HUES[index % HUES.length];
  return `var(--vs-series-${index % HUES.length}, hsl(${hue} 60% 55%))`;
}

/** Axis, grid and label colours from the theme. */
export const axisColor = 'var(--bui-fg-secondary)';
export const gridColor = 'var(--bui-border-1)';
export const tooltipStyle = {
  background: 'var(--bui-bg-neutral-1)',
  border: '1px solid var(--bui-border-2)',
  color: 'var(--bui-fg-primary)',
};
