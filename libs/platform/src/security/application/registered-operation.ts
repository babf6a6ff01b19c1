import { createHash } from 'node:crypto';
import { Kind, parse } from 'graphql';
import { DEFAULT_QUERY_LIMITS } from '../limits/query-limits';

/** The id of a registered document: SHA-256 of its exact UTF-8 text, lowercase hex (Apollo's `sha256Hash`). */
export function sha256Hex(document: string): string {
  return createHash('sha256').update(document, 'utf8').digest('hex');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Why a document cannot be registered, or null. Only its syntax is checked here: whether it fits
 * the schema and the limits is checked on every request that runs it, as for any document, so a
 * registered document never bypasses a limit (and a schema change shows up as a validation error).
 */
export function operationDocumentProblem(document: string): string | null {
  try {
    const parsed = parse(document, { maxTokens: DEFAULT_QUERY_LIMITS.maxTokens });
    const operations = parsed.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    if (operations.length === 0) return 'The document has no operation.';
    if (parsed.definitions.some((definition) => definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION)) {
      return 'The document may hold only operations and fragments.';
    }
    return null;
  } catch {
    // The parser's message quotes the document; the caller already has it.
    return 'The document is not valid GraphQL syntax.';
  }
}
