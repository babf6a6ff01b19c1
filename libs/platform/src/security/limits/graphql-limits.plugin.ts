import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { codedError } from '../../graphql/coded-error';
import type { ApiRequest } from '../http/http-types';
import type { CostBudget } from './cost-budget';
import { operationCost } from './query-cost';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits';
import { fragmentsOf, measureOperation } from './query-shape';

interface LimitsContext extends BaseContext {
  req?: ApiRequest;
}

export interface CostReport {
  requested: number;
  limit: number;
  /** Points left in the client's budget; null for the unbudgeted anonymous caller. */
  remainingBudget: number | null;
}

/** graphql-js appends `Did you mean "…"?` to some validation messages: it would map the schema for strangers. */
const SUGGESTION = /\s*Did you mean .*$/s;

function refused(code: string, message: string, status: number, extensions: Record<string, unknown> = {}, headers?: HeaderMap): never {
  throw codedError(code, message, { ...extensions, http: { status, ...(headers ? { headers } : {}) } });
}

/**
 * The request limits that need the parsed operation and the caller: introspection for
 * authenticated admins only, depth, aliases, cost per request and the per-client budget (checked
 * in that order, all before execution), then `extensions.cost` on the response and suggestions
 * removed from errors for anyone but an authenticated admin.
 */
export function graphqlLimitsPlugin(budget: CostBudget | null, limits: QueryLimits = DEFAULT_QUERY_LIMITS): ApolloServerPlugin<LimitsContext> {
  return {
    requestDidStart() {
      let cost: CostReport | null = null;
      const isAuthenticatedAdmin = (context: GraphQLRequestContext<LimitsContext>): boolean => context.contextValue.req?.actor?.role === 'ADMIN';
      return Promise.resolve({
        async didResolveOperation(context) {
          const { document, operation, schema } = context;
          if (!operation) return; // Apollo already refused a document without a runnable operation.
          const fragments = fragmentsOf(document.definitions);
          const shape = measureOperation(operation, fragments);
          if (shape.introspection && !isAuthenticatedAdmin(context)) {
            refused('FORBIDDEN', 'Introspection is available to authenticated admin clients only.', 403);
          }
          if (shape.depth > limits.maxDepth) {
            refused('QUERY_TOO_DEEP', `The operation nests fields ${shape.depth} deep; the limit is ${limits.maxDepth}.`, 400, { limit: limits.maxDepth });
          }
          if (shape.aliases > limits.maxAliases) {
            refused('TOO_MANY_ALIASES', `The operation uses ${shape.aliases} aliases; the limit is ${limits.maxAliases}.`, 400, { limit: limits.maxAliases });
          }
          const requested = operationCost(schema, operation, fragments, context.request.variables ?? {}, limits.defaultPageSize);
          cost = { requested, limit: limits.maxCost, remainingBudget: null };
          if (requested > limits.maxCost) {
            refused('QUERY_TOO_COSTLY', `The operation would cost ${requested} points; the limit is ${limits.maxCost}. Ask for smaller pages.`, 400, { cost });
          }
          const actor = context.contextValue.req?.actor;
          if (!budget || !actor) return;
          const decision = await budget.take(actor.clientId, requested);
          cost.remainingBudget = decision.remaining;
          if (!decision.granted) {
            const retry = decision.retryAfterSeconds;
            refused('THROTTLED', `The client's query budget is used up; retry in ${retry} s.`, 429, { retryAfterSeconds: retry, cost }, new HeaderMap([['retry-after', String(retry)]]));
          }
        },
        willSendResponse(context) {
          const { body } = context.response;
          if (body.kind !== 'single') return Promise.resolve();
          // Reported to authenticated clients (everyone, once AUTH_REQUIRED is on): the anonymous admin has no budget.
          if (cost && context.contextValue.req?.actor) body.singleResult.extensions = { ...body.singleResult.extensions, cost };
          const errors = body.singleResult.errors;
          if (errors && !isAuthenticatedAdmin(context)) {
            body.singleResult.errors = errors.map((error): GraphQLFormattedError => ({ ...error, message: error.message.replace(SUGGESTION, '') }));
          }
          return Promise.resolve();
        },
      });
    },
  };
}
