/** Net Promoter Score of a feature's survey answers (DESIGN §14). @internal */
export interface Nps {
  /** % promoters (9–10) − % detractors (0–6), −100..100; null without responses. */
  nps: number | null;
  /** Answers counted. */
  responses: number;
}

/**
 * NPS of 0–10 scores: the share of promoters (9–10) minus the share of
 * detractors (0–6), in percent; passives (7–8) count only in the total.
 *
 * @internal
 */
export function netPromoterScore(scores: readonly number[]): Nps {
  if (scores.length === 0) return { nps: null, responses: 0 };
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    if (s >= 9) promoters++;
    else if (s <= 6) detractors++;
  }
  return {
    nps: ((promoters - detractors) / scores.length) * 100,
    responses: scores.length,
  };
}
