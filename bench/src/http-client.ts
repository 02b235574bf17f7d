import http from 'node:http';

/**
 * The load generator's HTTP client: node:http over kept-alive connections. It shares the two cores
 * with the server and PostgreSQL, and `fetch` costs about 1.5 ms of CPU per request here — more
 * than a registration's whole budget at the target rate — so it would measure itself.
 */
export class LoadClient {
  readonly #agent: http.Agent;
  readonly #url: URL;

  constructor(base: string, sockets = 64) {
    this.#url = new URL(base);
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        {
          agent: this.#agent,
          host: this.#url.hostname,
          port: this.#url.port,
          method: 'POST',
          path,
          headers: { ...headers, 'content-type': 'application/json', 'content-length': payload.length },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  close() {
    this.#agent.destroy();
  }
}
