import http from 'node:http';

/** One server-sent event as a browser's EventSource would hand it over. */
export interface ReceivedEvent {
  event: string;
  data: string;
  receivedAt: number;
}

/**
 * A minimal EventSource over node:http (one connection per stream, no pool keeping spare sockets),
 * for tests: it keeps every event (and whether comments and the `retry:` field came), and `next`
 * waits for one that matches.
 */
export async function openEventStream(url: string, headers: Record<string, string>) {
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, resolve);
    request.on('error', reject);
  });
  response.setEncoding('utf8');
  const events: ReceivedEvent[] = [];
  const seen = { comments: 0, retry: undefined as number | undefined };
  const waiters = new Set<() => void>();
  let ended = false;
  const read = (async () => {
    let buffer = '';
    try {
      for await (const value of response as AsyncIterable<string>) {
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) seen.comments += 1;
            else if (line.startsWith('retry: ')) seen.retry = Number(line.slice(7));
            else if (line.startsWith('event: ')) {
              event = line.slice(7);
              isEvent = true;
            } else if (line.startsWith('data: ')) {
              data.push(line.slice(6));
              isEvent = true;
            }
          }
          if (isEvent) events.push({ event, data: data.join('\n'), receivedAt: performance.now() });
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // Aborted by close(), or the server ended the stream.
    } finally {
      ended = true;
      for (const wake of waiters) wake();
    }
  })();

  /** The first event from index `from` on that matches, or an error after `timeoutMs`. */
  const next = (match: (event: ReceivedEvent) => boolean, timeoutMs = 2000, from = 0) =>
    new Promise<ReceivedEvent>((resolve, reject) => {
      const check = () => {
        const found = events.slice(from).find(match);
        if (found) {
          cleanup();
          resolve(found);
        } else if (ended) {
          cleanup();
          reject(new Error(`stream ended; events: ${JSON.stringify(events)}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching event within ${timeoutMs} ms; events: ${JSON.stringify(events)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  return {
    response,
    events,
    seen,
    next,
    get ended() {
      return ended;
    },
    /** Resolves once the server has ended the stream. */
    finished: read,
    close: async () => {
      response.destroy();
      await read;
    },
  };
}

export type EventStream = Awaited<ReturnType<typeof openEventStream>>;
