import { verifyGitlabToken } from './verify';

const rawBody = Buffer.from('{}');

describe('verifyGitlabToken', () => {
  it('accepts the configured token', () => {
    expect(
      verifyGitlabToken(
        { rawBody, headers: { 'x-gitlab-token': 's3cr3t-token' } },
        's3cr3t-token',
      ),
    ).toBe(true);
  });

  it('rejects a wrong, missing or different-length token', () => {
    expect(
      verifyGitlabToken(
        { rawBody, headers: { 'x-gitlab-token': 's3cr3t-tokeN' } },
        's3cr3t-token',
      ),
    ).toBe(false);
    expect(verifyGitlabToken({ rawBody, headers: {} }, 's3cr3t-token')).toBe(
      false,
    );
    expect(
      verifyGitlabToken(
        { rawBody, headers: { 'x-gitlab-token': 's3cr3t' } },
        's3cr3t-token',
      ),
    ).toBe(false);
    expect(
      verifyGitlabToken({ rawBody, headers: { 'x-gitlab-token': '' } }, ''),
    ).toBe(false);
  });
});
