import autocannon from 'autocannon';

export interface HttpLoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly total: number;
  /** Transport errors, non-2xx answers, and answers with GraphQL errors or userErrors. */
  readonly failures: number;
  readonly firstFailure: string | null;
}

export interface HttpLoadOptions {
  readonly connections: number;
  readonly seconds: number;
  /** A new body per request (a fresh person, another team). */
  readonly body: () => string;
  /** Requests per second over all connections; omitted = as fast as the server answers. */
  readonly overallRate?: number;
}

const failed = (body: string): boolean => body.includes('"errors"') || /"userErrors":\[\{/.test(body);

/** GraphQL POSTs with autocannon (in this process), counting GraphQL-level failures too. */
export async function graphqlLoad(baseUrl: string, options: HttpLoadOptions): Promise<HttpLoadResult> {
  let failures = 0;
  let firstFailure: string | null = null;
  const result = await autocannon({
    url: `${baseUrl}/graphql`,
    connections: options.connections,
    duration: options.seconds,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: options.body() }),
        onResponse: (status, body) => {
          if (status === 200 && !failed(body)) return;
          failures += 1;
          firstFailure ??= `${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    failures: failures + result.errors + result.timeouts,
    firstFailure,
  };
}

/** One GraphQL call, for set-up lookups and single-shot timings. */
export async function graphql<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const json = (await response.json()) as { data?: T; errors?: unknown };
  if (json.errors || !json.data) throw new Error(`GraphQL failed: ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
  return json.data;
}
