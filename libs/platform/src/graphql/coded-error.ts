import { GraphQLError } from 'graphql';

/** A top-level GraphQL error with a documented `extensions.code` (docs/errors.md). */
export function codedError(code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}
