/* eslint-disable no-script-url -- the tests feed javascript: URLs on purpose */
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { workItemDetail } from '../../__fixtures__';
import { breakdownText, JourneyLinks } from './JourneyLinks';

describe('JourneyLinks', () => {
  it('links http(s) URLs and shows any other URL as plain text', async () => {
    const links = {
      ...workItemDetail.links,
      builds: [
        {
          buildId: 'ci-evil',
          status: 'success',
          finishedAt: null,
          url: 'javascript:alert(document.cookie)',
        },
        {
          buildId: 'ci-data',
          status: 'success',
          finishedAt: null,
          url: 'data:text/html,<script>alert(1)</script>',
        },
        {
          buildId: 'ci-good',
          status: 'success',
          finishedAt: null,
          url: 'https://jenkins.example.com/job/payments/1/',
        },
      ],
    } as typeof workItemDetail.links;
    await renderInTestApp(<JourneyLinks links={links} />);

    expect(screen.getByText('ci-evil').closest('a')).toBeNull();
    expect(screen.getByText('ci-data').closest('a')).toBeNull();
    expect(screen.getByText('ci-good').closest('a')).toHaveAttribute(
      'href',
      'https://jenkins.example.com/job/payments/1/',
    );
    for (const a of document.querySelectorAll('a')) {
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    }
  });

  it("shows a change's coding, pickup, review and deploy time, a part it lacks as a dash", async () => {
    const links = {
      ...workItemDetail.links,
      pullRequests: [
        {
          ...workItemDetail.links.pullRequests[0],
          state: 'merged',
          mergedAt: '2025-05-29T14:00:00.000Z',
          breakdown: {
            coding: 7200,
            pickup: 10800,
            review: 18000,
            deploy: 43200,
          },
        },
      ],
      commits: [
        {
          ...workItemDetail.links.commits[1],
          breakdown: { coding: null, pickup: null, review: null, deploy: 5400 },
        },
      ],
    } as typeof workItemDetail.links;
    await renderInTestApp(<JourneyLinks links={links} />);

    expect(
      screen.getByLabelText(
        'Lead time breakdown of acme/payments #412 PAY-95 Idempotency keys',
      ),
    ).toHaveTextContent('coding 2 h · pickup 3 h · review 5 h · deploy 12 h');
    expect(
      screen.getByLabelText('Lead time breakdown of acme/payments 9b8c7d6'),
    ).toHaveTextContent('coding — · pickup — · review — · deploy 1.5 h');
    // links that are no change show none
    expect(screen.getAllByText(/^coding /)).toHaveLength(2);
    expect(
      breakdownText({ coding: 40, pickup: 0, review: 60, deploy: 90000 }),
    ).toBe('coding 40 s · pickup 0 s · review 1 min · deploy 1 day');
  });
});
