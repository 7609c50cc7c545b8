import { isRepositorySlug, repositoryFromGitUrl } from './repository';

describe('repositoryFromGitUrl', () => {
  it.each([
    ['https://github.com/acme/shop.git', 'acme/shop'],
    ['https://github.com/acme/shop/', 'acme/shop'],
    ['git@gitlab.com:group/sub/shop.git', 'group/sub/shop'],
    ['ssh://git@host/foo/bar', 'foo/bar'],
    // chart repositories, bare names and nothing name no Git repository
    ['https://charts.example.com/stable', undefined],
    ['oci://registry/acme/chart', undefined],
    ['shop', undefined],
    [null, undefined],
  ])('%s → %s', (url, repository) => {
    expect(repositoryFromGitUrl(url)).toBe(repository);
  });
});

describe('isRepositorySlug', () => {
  it.each([
    ['acme/shop', true],
    ['a/b/c', true],
    ['acme', false],
    ['acme/ shop', false],
  ])('%s → %s', (slug, ok) => {
    expect(isRepositorySlug(slug)).toBe(ok);
  });
});
