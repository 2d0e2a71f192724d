/** An HTTP error as the API answers it: `{error: {code, message}}`. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/**
 * The staff HTTP API, same origin, bearer token kept in memory. A 401 on an authenticated
 * call means the sign-in ended: the app is told, and the caller gets an ApiError.
 */
export class Api {
  token?: string;
  onUnauthorized?: () => void;

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PATCH', path, body);
  }

  delete(path: string): Promise<void> {
    return this.call<void>('DELETE', path);
  }

  async blob(path: string): Promise<Blob> {
    const res = await this.send('GET', path);
    return res.blob();
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.send(method, path, body);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' });
    } catch {
      throw new ApiError(0, 'unavailable', 'no connection');
    }
    if (res.ok) return res;
    const error = ((await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }).error;
    if (res.status === 401 && this.token) this.onUnauthorized?.();
    throw new ApiError(res.status, error?.code ?? 'error', error?.message ?? res.statusText);
  }
}
