/* eslint-disable no-script-url -- the tests feed javascript: URLs on purpose */
import { safeHref } from './safeHref';

describe('safeHref', () => {
  it('keeps absolute http and https URLs', () => {
    expect(safeHref('https://github.com/acme/pay/commit/abc1234')).toBe(
      'https://github.com/acme/pay/commit/abc1234',
    );
    expect(safeHref('http://jenkins.internal/job/pay/1/')).toBe(
      'http://jenkins.internal/job/pay/1/',
    );
    expect(safeHref('HTTPS://EXAMPLE.COM/x')).toBe('HTTPS://EXAMPLE.COM/x');
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '/relative/path',
    'not a url',
    '',
  ])('drops %p', url => {
    expect(safeHref(url)).toBeUndefined();
  });

  it('drops missing values', () => {
    expect(safeHref(undefined)).toBeUndefined();
    expect(safeHref(null)).toBeUndefined();
  });
});
