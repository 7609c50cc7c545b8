import { netPromoterScore } from './nps';

describe('netPromoterScore', () => {
  it('is null without answers', () => {
    expect(netPromoterScore([])).toEqual({ nps: null, responses: 0 });
  });

  it('is 100 when every answer is 9 or 10', () => {
    expect(netPromoterScore([9, 10, 10])).toEqual({ nps: 100, responses: 3 });
  });

  it('is -100 when every answer is 0 to 6', () => {
    expect(netPromoterScore([0, 3, 6])).toEqual({ nps: -100, responses: 3 });
  });

  it('counts passives (7, 8) only in the total', () => {
    // 3 promoters, 1 detractor of 5: (3 - 1) / 5 = 40 %
    expect(netPromoterScore([10, 9, 9, 8, 3])).toEqual({
      nps: 40,
      responses: 5,
    });
    expect(netPromoterScore([7, 8])).toEqual({ nps: 0, responses: 2 });
  });
});
