/* eslint-disable no-script-url -- the tests feed javascript: URLs on purpose */
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { workItemDetail } from '../../__fixtures__';
import { JourneyLinks } from './JourneyLinks';

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
});
