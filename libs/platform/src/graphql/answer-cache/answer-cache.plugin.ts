import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { fragmentsOf } from '../../security/limits/query-shape';
import { ANONYMOUS_ADMIN, type RequestActor } from '../request-actor';
import type { AnswerCache } from './answer-cache';
import { projectionsOfCacheable, type CacheableAnswers } from './cacheable-answers';

/** All the plugin reads of the context: the actor authentication put on the request. */
interface AnswerCacheContext extends BaseContext {
  req?: { actor?: RequestActor };
}

/** Documents analysed at most: the analysis of each is kept, as Apollo keeps parsed documents. */
const MAX_ANALYSED = 1_000;

/**
 * Answers queries from `cache` when every field they ask is declared cacheable (ADR 0024), after
 * the limits plugin has charged the request: a remembered answer costs the caller's budget as
 * much as a computed one. The key is the document, its operation, the variables and the caller's
 * scope (role and provinces); the version is read per request. Answers with errors are never kept.
 */
export function answerCachePlugin(cache: AnswerCache, declarations: readonly CacheableAnswers[]): ApolloServerPlugin<AnswerCacheContext> {
  const analysed = new Map<string, readonly string[] | null>();
  return {
    requestDidStart() {
      let pending: { key: string; version: string } | null = null;
      return Promise.resolve({
        async responseForOperation(context) {
          // Apollo hashes every document it parses; without a hash there is nothing to key on.
          if (!context.queryHash) return null;
          const documentKey = `${context.queryHash}:${context.operationName ?? ''}`;
          let projections = analysed.get(documentKey);
          if (projections === undefined) {
            projections = projectionsOfCacheable(context.schema, context.operation, fragmentsOf(context.document.definitions), declarations);
            if (analysed.size >= MAX_ANALYSED) analysed.clear();
            analysed.set(documentKey, projections);
          }
          if (!projections) return null;
          const actor = context.contextValue.req?.actor ?? ANONYMOUS_ADMIN;
          const scope = `${actor.role}:${[...actor.provinceCodes].sort().join(',')}`;
          const key = createHash('sha256')
            .update(`${documentKey}\n${JSON.stringify(context.request.variables ?? {})}\n${scope}`)
            .digest('base64url');
          const version = await cache.versionOf(projections);
          const data = cache.get(key, version);
          if (data) return { http: context.response.http, body: { kind: 'single', singleResult: { data } } };
          pending = { key, version };
          return null;
        },
        willSendResponse(context) {
          const { body } = context.response;
          if (pending && body.kind === 'single' && !body.singleResult.errors && body.singleResult.data) {
            cache.set(pending.key, pending.version, body.singleResult.data);
          }
          return Promise.resolve();
        },
      });
    },
  };
}
