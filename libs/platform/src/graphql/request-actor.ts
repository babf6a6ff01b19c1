import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

export type ActorRole = 'ADMIN' | 'PORTAL' | 'AUDITOR';

/** Who is calling, as the API sees it. Recorded in every event's metadata.actor. */
export interface RequestActor {
  readonly clientId: string;
  readonly role: ActorRole;
  /** Provinces a PORTAL may see and change; empty for other roles. */
  readonly provinceCodes: readonly string[];
}

/**
 * Until client credentials land (security issue), every caller is an anonymous admin. The
 * authentication layer will set `req.actor`; nothing else needs to change.
 */
export const ANONYMOUS_ADMIN: RequestActor = { clientId: 'anonymous', role: 'ADMIN', provinceCodes: [] };

export function actorOf(context: ExecutionContext): RequestActor {
  const gql = GqlExecutionContext.create(context).getContext<{ req?: { actor?: RequestActor } }>();
  return gql.req?.actor ?? ANONYMOUS_ADMIN;
}

/** Resolver parameter decorator: `@CurrentActor() actor: RequestActor`. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => actorOf(context));
