/**
 * `TRUST_PROXY` as Express's 'trust proxy' setting: a hop count (`1`), `true`, or addresses and
 * subnets (`loopback`, `10.0.0.0/8,192.168.1.5`). Unset (or `false`): the socket's address is the
 * caller's, and X-Forwarded-For is ignored, since anyone could send one to dodge a rate limit.
 */
export function trustProxySetting(value: string | undefined): number | boolean | string | null {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return null;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}
