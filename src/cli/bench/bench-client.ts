import http from 'node:http';

export interface JsonAnswer {
  status: number;
  body: unknown;
}

/**
 * JSON over plain HTTP/1.1 with keep-alive, one socket per request in flight (as many tablets would
 * each hold their own connection). node:http rather than fetch: src/ keeps fetch to src/sync/transport.ts.
 * A connection reset rejects, as it does for a tablet: the caller cannot know whether the office committed.
 */
export class BenchClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

  constructor(private readonly baseUrl: string) {}

  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonAnswer> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const request = http.request(
        `${this.baseUrl}${path}`,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': String(payload.length), ...headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            try {
              resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null });
            } catch {
              reject(new Error(`not JSON (${response.statusCode}): ${text.slice(0, 200)}`));
            }
          });
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
