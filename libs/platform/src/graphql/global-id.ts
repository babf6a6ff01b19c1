/**
 * Relay global ids: opaque, versioned, typed. `toGlobalId('Team', uuid)` is base64url of
 * `v1:Team:<uuid>`; clients must treat it as opaque. The version lets the format change later.
 */
export function toGlobalId(typeName: string, localId: string): string {
  return Buffer.from(`v1:${typeName}:${localId}`, 'utf8').toString('base64url');
}

export function fromGlobalId(id: string): { typeName: string; localId: string } | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(id)) return null;
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const match = /^v1:([A-Za-z][A-Za-z0-9]*):(.+)$/.exec(decoded);
  if (!match?.[1] || !match[2]) return null;
  return { typeName: match[1], localId: match[2] };
}
