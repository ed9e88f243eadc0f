/** A network failure: the request may or may not have reached the database (the server was killed). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(`network error: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'NetworkError';
  }
}

export interface ApiResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of many routes
  body: any;
}

/** A signed-in browser over real HTTP: keeps the session cookie and sends the CSRF token like the web app. */
export class ApiClient {
  private cookie: string | undefined;
  private csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, timeoutMs = 15_000): Promise<ApiResponse> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new NetworkError(error);
    }
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      if (/session=/.test(pair)) this.cookie = /Expires=Thu, 01 Jan 1970/i.test(line) ? undefined : pair;
    }
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    if (response.status < 300 && json && typeof json === 'object' && 'csrfToken' in json) {
      const token = (json as { csrfToken: unknown }).csrfToken;
      if (typeof token === 'string') this.csrfToken = token;
    }
    return { status: response.status, body: json };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  put = (path: string, body: unknown) => this.request('PUT', path, body);
  patch = (path: string, body: unknown) => this.request('PATCH', path, body);

  /** The same call, failing loudly unless it answers the expected status (set-up and verification only). */
  async expect(status: number, method: string, path: string, body?: unknown): Promise<ApiResponse['body']> {
    const response = await this.request(method, path, body);
    if (response.status !== status)
      throw new Error(
        `${method} ${path}: expected ${status}, got ${response.status} ${JSON.stringify(response.body).slice(0, 400)}`,
      );
    return response.body;
  }
}
