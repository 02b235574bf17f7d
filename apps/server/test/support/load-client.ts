import http from 'node:http';

export interface LoadResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Raised when a request got no answer within the client's bound (the server hangs). */
export class NoAnswerError extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'NoAnswerError';
  }
}

/**
 * The load generator's HTTP client: node:http over kept-alive connections. It shares the two cores
 * with the server and PostgreSQL, and `fetch` costs about 1.5 ms of CPU per request here — more
 * than a registration's whole budget at the target rate — so it would measure itself. Used by the
 * bench and by the fault tests (simulated devices).
 */
export class LoadClient {
  readonly #agent: http.Agent;
  readonly #url: URL;
  readonly #timeoutMs: number;

  constructor(base: string, sockets = 64, timeoutMs = 60_000) {
    this.#url = new URL(base);
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
    this.#timeoutMs = timeoutMs;
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return this.#send('POST', path, Buffer.from(JSON.stringify(body)), headers);
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.#send('GET', path, undefined, headers);
  }

  #send(method: string, path: string, payload: Buffer | undefined, headers: Record<string, string>) {
    return new Promise<LoadResponse>((resolve, reject) => {
      const request = http.request(
        {
          agent: this.#agent,
          host: this.#url.hostname,
          port: this.#url.port,
          method,
          path,
          headers: payload
            ? { ...headers, 'content-type': 'application/json', 'content-length': payload.length }
            : headers,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              contentType: response.headers['content-type'] ?? '',
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          response.on('error', reject);
        },
      );
      request.setTimeout(this.#timeoutMs, () => request.destroy(new NoAnswerError(this.#timeoutMs)));
      request.on('error', reject);
      request.end(payload);
    });
  }

  close() {
    this.#agent.destroy();
  }
}
