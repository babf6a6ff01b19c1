import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { TokenIssuer } from '../application/token-issuer';
import { CredentialAttempts } from '../limits/credential-attempts';
import { clientAddress, type ApiRequest, type ApiResponse } from './http-types';
import { parseTokenRequest } from './token-request';

/**
 * `POST /oauth/token`: the OAuth 2.0 client-credentials grant. Answers and errors follow RFC 6749
 * §5.1–5.2 (`invalid_client` 401, other errors 400); responses are never cached. Attempts are
 * rate-limited per IP address and per client id before any secret is checked (429
 * `too_many_requests` with Retry-After; RFC 6749 has no code for it).
 */
@Controller('oauth')
export class TokenController {
  constructor(
    @Inject(TokenIssuer) private readonly issuer: TokenIssuer,
    @Inject(CredentialAttempts) private readonly attempts: CredentialAttempts,
  ) {}

  @Post('token')
  @HttpCode(200)
  async token(@Req() request: ApiRequest, @Res({ passthrough: true }) response: ApiResponse): Promise<object> {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Pragma', 'no-cache');
    const parsed = parseTokenRequest(request.body, request.headers.authorization);
    const attempt = await this.attempts.attempt(clientAddress(request), parsed.ok ? parsed.clientId : null);
    if (!attempt.allowed) return this.throttled(response, attempt.retryAfterSeconds);
    if (!parsed.ok) return this.refuse(response, parsed.error, parsed.description, parsed.basic);
    const grant = await this.issuer.grant(parsed.clientId, parsed.clientSecret);
    if (!grant.ok) return this.refuse(response, 'invalid_client', 'unknown client, wrong secret, or revoked client', parsed.basic);
    return { access_token: grant.accessToken, token_type: 'Bearer', expires_in: grant.expiresIn };
  }

  private refuse(response: ApiResponse, error: string, description: string, basic: boolean): object {
    response.statusCode = error === 'invalid_client' ? 401 : 400;
    if (error === 'invalid_client') response.setHeader('WWW-Authenticate', `${basic ? 'Basic' : 'Bearer'} realm="cdtt-registry"`);
    return { error, error_description: description };
  }

  private throttled(response: ApiResponse, retryAfterSeconds: number): object {
    response.statusCode = 429;
    response.setHeader('Retry-After', String(retryAfterSeconds));
    return { error: 'too_many_requests', error_description: `too many attempts; retry in ${retryAfterSeconds} s`, retry_after: retryAfterSeconds };
  }
}
