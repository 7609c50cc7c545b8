/**
 * The URL when it is an absolute http(s) URL, else undefined. Links of work items come from
 * events, which any tool with a token can send: `javascript:`, `data:` and the like must never
 * become an href.
 * @internal
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
