import type { FeatureOutcomeSummary } from '@valuestream/backstage-plugin-value-stream-common';
import { formatNumber, formatShortDate } from '../../lib/format';

/** The texts of one row of the feature outcomes table (pure, so tests and e2e agree). */
export interface OutcomeTexts {
  usage: string;
  baseline: string;
  nps: string;
  responses: string;
  uptime: string;
  incidents: string;
  severities: string;
  tickets: string;
  score: string;
  scoreNote: string;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n} ${n === 1 ? one : many}`;

/** "99.11%": uptime needs two decimals, a week's hour of incident is 0.6 %. */
export function formatUptime(uptime: number): string {
  return `${(Math.round(uptime * 10_000) / 100).toFixed(2)}%`;
}

/** A signed NPS, "+25", "−40", "0". */
export function formatNps(nps: number | null): string {
  if (nps === null) return '—';
  const rounded = Math.round(nps);
  if (rounded > 0) return `+${rounded}`;
  if (rounded < 0) return `−${-rounded}`;
  return '0';
}

export function outcomeTexts(f: FeatureOutcomeSummary): OutcomeTexts {
  const severities = Object.entries(f.incidents.bySeverity)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => (n > 1 ? `${s} ×${n}` : s))
    .join(', ');
  return {
    usage: formatNumber(f.usage, 0),
    baseline:
      f.baseline === null
        ? 'no baseline'
        : `baseline ${formatNumber(f.baseline, 0)}`,
    nps: formatNps(f.nps),
    responses: plural(f.responses, 'response'),
    uptime: formatUptime(f.uptime),
    incidents:
      f.incidents.count === 0
        ? 'none'
        : `${f.incidents.count} · ${formatNumber(f.incidents.minutes, 0)} min`,
    severities,
    tickets: `${f.tickets.opened} opened · ${f.tickets.resolved} resolved`,
    score:
      f.successScore === null ? 'pending' : formatNumber(f.successScore, 1),
    scoreNote:
      f.successScore === null
        ? `window ends ${formatShortDate(f.windowEndsAt)}`
        : `window ended ${formatShortDate(f.windowEndsAt)}`,
  };
}
