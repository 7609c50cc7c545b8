import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { emptyMetrics, metrics } from '../../__fixtures__';
import { MetricCards } from './MetricCards';

function card(name: string) {
  const el = screen.getByTestId(`metric-${name}`);
  return {
    value: within(el).getByTestId('metric-value').textContent,
    tier: within(el).queryByTestId('metric-tier')?.textContent,
    text: el.textContent,
  };
}

describe('MetricCards', () => {
  it('formats the API numbers', async () => {
    await renderInTestApp(<MetricCards metrics={metrics} />);
    // 277200 s = 3.21 days, 561600 s = 6.5 days, 864000 s = 10 days
    expect(card('cycle-time-p50').value).toBe('3.2 days');
    expect(card('cycle-time-p50').text).toContain('12 items');
    expect(card('cycle-time-p85').value).toBe('6.5 days');
    expect(card('lead-time').value).toBe('10 days');
    expect(card('flow-efficiency').value).toBe('42%');
    expect(card('throughput').value).toBe('2.8 / week');
    expect(card('throughput').text).toContain('12 done in range');
    expect(card('load').value).toBe('4');
    expect(card('deployment-frequency').value).toBe('2.1 / week');
    expect(card('deployment-frequency').tier).toBe('High');
    // 21600 s = 6 h
    expect(card('lead-time-for-changes').value).toBe('6 h');
    expect(card('lead-time-for-changes').tier).toBe('High');
    expect(card('change-failure-rate').value).toBe('11%');
    expect(card('change-failure-rate').text).toContain('1 of 9 failed');
    expect(card('change-failure-rate').tier).toBe('Elite');
    // 5400 s = 1.5 h
    expect(card('recovery-time').value).toBe('1.5 h');
    expect(card('recovery-time').tier).toBe('High');
    // 3 of 9 deployments
    expect(card('rework-rate').value).toBe('33%');
    expect(card('rework-rate').text).toContain('3 of 9');
    expect(card('rework-rate').tier).toBeUndefined();
  });

  it('shows a dash for statistics without data and no tier', async () => {
    await renderInTestApp(<MetricCards metrics={emptyMetrics} />);
    expect(card('cycle-time-p50').value).toBe('—');
    expect(card('flow-efficiency').value).toBe('—');
    expect(card('change-failure-rate').value).toBe('—');
    expect(card('change-failure-rate').tier).toBeUndefined();
    expect(card('recovery-time').value).toBe('—');
    expect(card('rework-rate').value).toBe('—');
    expect(card('rework-rate').text).toContain('0 of 0');
    expect(card('throughput').value).toBe('0 / week');
  });
});
