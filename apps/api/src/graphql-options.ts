import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { answerCachePlugin, DEFAULT_QUERY_LIMITS, graphqlLimitsPlugin, type AnswerCache, type CacheableAnswers, type CostBudget } from '@cdtt/platform';

/** Codes a client may see; anything else is an internal fault and is reported as one. */
const PUBLIC_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'THROTTLED',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_PROGRESS',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'QUERY_TOO_COSTLY',
  'OPERATION_NOT_REGISTERED',
]);

/** Extensions a coded error may carry besides its code (e.g. which input fields are wrong). */
const PUBLIC_EXTENSIONS = ['fields', 'retryAfterSeconds', 'limit', 'cost'] as const;

/**
 * Errors never carry stack traces, SQL or internal messages: a known code passes with its
 * message; everything else becomes INTERNAL_SERVER_ERROR with a fixed message.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'INTERNAL_SERVER_ERROR';
  if (PUBLIC_CODES.has(code)) {
    const extensions: Record<string, unknown> = { code };
    for (const name of PUBLIC_EXTENSIONS) {
      if (formatted.extensions?.[name] !== undefined) extensions[name] = formatted.extensions[name];
    }
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * Every GraphQL answer is `Cache-Control: no-store`: answers hold personal data and per-caller
 * scopes, so no proxy or browser may keep them. Apollo's cache-control plugin would say the same
 * for answers without cache hints (and no type here has one), but it wraps every field resolver to
 * look for hints: measured, 6 % of the API's CPU on a list of 100 teams. This says it once.
 */
export const noStorePlugin: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      willSendResponse: ({ response }) => {
        response.http.headers.set('cache-control', 'no-store');
        return Promise.resolve();
      },
    }),
};

/**
 * The Apollo configuration of the public endpoint. Limits (docs/errors.md, "Platform and
 * security"): batching off (the auth middleware answers array bodies first), a parser token cap,
 * and the limits plugin (introspection for authenticated admins, depth, aliases, cost, budget).
 * Introspection is enabled here only so the plugin can decide per caller.
 */
export function graphqlOptions(budget: CostBudget | null, answers: { cache: AnswerCache; declarations: readonly CacheableAnswers[] } | null = null): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    introspection: true,
    allowBatchedHttpRequests: false,
    // Persisted queries are registered by admins per client (RegisteredOperationGate), never by
    // whoever sends one first, as Apollo's automatic persisted queries would allow.
    persistedQueries: false,
    parseOptions: { maxTokens: DEFAULT_QUERY_LIMITS.maxTokens },
    // The answer cache after the limits: a remembered answer is charged as a computed one.
    plugins: [graphqlLimitsPlugin(budget), ...(answers ? [answerCachePlugin(answers.cache, answers.declarations)] : []), noStorePlugin, ApolloServerPluginCacheControlDisabled()],
  };
}
