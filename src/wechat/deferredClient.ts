// The HTTP client as activation sees it. The real WeChatClient (client.ts: the wire format, the
// busy retries, the secret-host check, the answers' parsing) is bundled apart (dist/client.js) and
// created on the first request, so activating with a fresh cached token never loads it — nor the
// transport, which the client loads itself.
import type { CallOptions, Credentials, EndpointCallOptions, SecretCallOptions, TokenGrant, WeChatApi } from './client';
import type { Endpoint } from './endpoints';
import type { HttpTransport } from './http';

/** What the kernel uses of the client: the API, and the transport it shares with the team's token service. */
export interface ClientApi extends WeChatApi {
  getTransport(): Promise<HttpTransport>;
  resetTransport(): void;
}

export class DeferredClient implements ClientApi {
  private client: ClientApi | undefined;

  constructor(private readonly create: () => ClientApi) {}

  async classicToken(credentials: Credentials, options?: SecretCallOptions): Promise<TokenGrant> {
    return this.real().classicToken(credentials, options);
  }

  async stableToken(credentials: Credentials, forceRefresh: boolean, options?: SecretCallOptions): Promise<TokenGrant> {
    return this.real().stableToken(credentials, forceRefresh, options);
  }

  call<T extends object>(endpoint: Endpoint, options?: EndpointCallOptions): Promise<T>;
  call<T extends object>(path: string, options?: CallOptions): Promise<T>;
  async call<T extends object>(target: Endpoint | string, options?: CallOptions): Promise<T> {
    // The overloads narrow on the caller's side only: forward each as the overload it came in as.
    return typeof target === 'string' ? this.real().call<T>(target, options) : this.real().call<T>(target, options as EndpointCallOptions);
  }

  async getTransport(): Promise<HttpTransport> {
    return this.real().getTransport();
  }

  /** A proxy setting changed: the next request builds a new transport (nothing to do before the first). */
  resetTransport(): void {
    this.client?.resetTransport();
  }

  /** Created once; a failure to load (a damaged install) rejects this request and is tried again by the next. */
  private real(): ClientApi {
    return (this.client ??= this.create());
  }
}
