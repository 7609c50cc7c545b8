import { fetchJson } from '@valuestream/backstage-plugin-value-stream-node';

/** The part of a `/api/v1/query` answer that is read. */
interface QueryAnswer {
  status?: string;
  error?: string;
  data?: {
    resultType?: string;
    result?: unknown;
  };
}

/** A sample value as Prometheus sends it, `[<unix seconds>, "<number>"]`. */
function sampleValue(sample: unknown): number {
  const v = Array.isArray(sample) ? Number(sample[1]) : NaN;
  return Number.isFinite(v) ? v : NaN;
}

/**
 * The number a query result stands for: a scalar's value, or the sum of an instant
 * vector's samples (a query without `sum` still gives one number); null for an empty
 * vector (no series) or a value that is not finite.
 * @internal
 */
export function resultValue(data: QueryAnswer['data']): number | null {
  if (data?.resultType === 'scalar') {
    const v = sampleValue(data.result);
    return Number.isNaN(v) ? null : v;
  }
  if (data?.resultType === 'vector' && Array.isArray(data.result)) {
    if (data.result.length === 0) return null;
    let sum = 0;
    for (const series of data.result) {
      const v = sampleValue((series as { value?: unknown })?.value);
      if (Number.isNaN(v)) return null;
      sum += v;
    }
    return sum;
  }
  throw new Error(
    `expected a scalar or an instant vector, got ${
      data?.resultType ?? 'nothing'
    }`,
  );
}

/**
 * Evaluates a PromQL query at `time` through Prometheus's HTTP API
 * (`POST /api/v1/query`, form-encoded) and returns {@link resultValue}.
 * @internal
 */
export async function queryPrometheus(options: {
  baseUrl: string;
  token?: string;
  query: string;
  /** Epoch ms. */
  time: number;
  signal?: AbortSignal;
}): Promise<number | null> {
  const { baseUrl, token, query, time, signal } = options;
  const { data } = await fetchJson<QueryAnswer>(
    `${baseUrl}/api/v1/query`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: new URLSearchParams({ query, time: String(time / 1000) }),
    },
    {
      integration: `valueStream.sources.prometheus (${baseUrl})`,
      missingRight: 'the token needs read access to the Prometheus HTTP API',
      retries: 2,
      signal,
    },
  );
  if (data?.status !== 'success')
    throw new Error(
      `Prometheus answered ${data?.status}: ${data?.error ?? ''}`,
    );
  return resultValue(data.data);
}
