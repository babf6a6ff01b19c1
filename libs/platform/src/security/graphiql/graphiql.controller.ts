import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { clientAddress, graphqlErrorBody, sendJson, type ApiRequest, type ApiResponse } from '../http/http-types';
import { graphiqlAsset } from './graphiql-assets';
import { GraphiqlAccess } from './graphiql-access';
import { GRAPHIQL_PAGE_HEADERS, graphiqlPage } from './graphiql-page';

/** The browser asks for credentials on this challenge (HTTP Basic: the admin's client id and secret). */
const CHALLENGE = 'Basic realm="CDTT Registry GraphiQL (admin client id and secret)", charset="UTF-8"';

/**
 * `GET /graphiql`: GraphiQL for authenticated admins, served entirely from this API (offline).
 * Anyone else gets a coded JSON error (401 UNAUTHENTICATED with a Basic challenge, or 403
 * FORBIDDEN for a client that is not an admin). The page's files are public library code and hold
 * nothing about the schema: introspection stays admin-only at /graphql.
 */
@Controller('graphiql')
export class GraphiqlController {
  constructor(@Inject(GraphiqlAccess) private readonly access: GraphiqlAccess) {}

  @Get()
  async page(@Req() request: ApiRequest, @Res() response: ApiResponse): Promise<void> {
    const access = await this.access.check(request.headers.authorization, clientAddress(request));
    if (access.kind === 'throttled') {
      const body = graphqlErrorBody('THROTTLED', `Too many sign-in attempts; retry in ${access.retryAfterSeconds} s.`);
      return sendJson(response, 429, body, { 'Retry-After': String(access.retryAfterSeconds), 'Cache-Control': 'no-store' });
    }
    if (access.kind === 'unauthenticated') {
      const message = 'GraphiQL is for authenticated admin clients: sign in with the admin client id and secret (HTTP Basic), or send Authorization: Bearer <admin token>.';
      return sendJson(response, 401, graphqlErrorBody('UNAUTHENTICATED', message), { 'WWW-Authenticate': CHALLENGE, 'Cache-Control': 'no-store' });
    }
    if (access.kind === 'forbidden') return sendJson(response, 403, graphqlErrorBody('FORBIDDEN', 'GraphiQL is for ADMIN clients only.'), { 'Cache-Control': 'no-store' });
    response.statusCode = 200;
    for (const [name, value] of Object.entries(GRAPHIQL_PAGE_HEADERS)) response.setHeader(name, value);
    response.end(graphiqlPage(access.token));
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() response: ApiResponse): void {
    const asset = graphiqlAsset(name);
    if (!asset) return sendJson(response, 404, graphqlErrorBody('NOT_FOUND', 'No such GraphiQL file.'));
    response.statusCode = 200;
    response.setHeader('content-type', asset.contentType);
    response.setHeader('x-content-type-options', 'nosniff');
    // The files change only with the installed packages, i.e. with a deployment.
    response.setHeader('cache-control', 'public, max-age=3600');
    response.end(asset.body);
  }
}
