/** HTTP at the connection level, for what `fetch` hides: which connection answered, and raw bytes. */
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';

export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
  /** The client-side port of the connection that carried the exchange. */
  readonly localPort: number | undefined;
}

export interface WireRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer | string;
}

/** Sends the requests one after another through an agent that keeps a single connection alive. */
export async function overOneConnection(baseUrl: string, requests: readonly WireRequest[]): Promise<WireResponse[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const responses: WireResponse[] = [];
  try {
    for (const request of requests) responses.push(await send(agent, new URL(baseUrl), request));
  } finally {
    agent.destroy();
  }
  return responses;
}

/** `path` goes on the request line as it is, so it may be anything a client could send. */
function send(agent: Agent, base: URL, request: WireRequest): Promise<WireResponse> {
  const { method, path, headers } = request;
  return new Promise((resolve, reject) => {
    const target = { host: base.hostname, port: base.port, method, path, headers, agent };
    const outgoing = httpRequest(target, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString('utf8'),
          localPort: response.socket?.localPort,
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

export interface RawExchange {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

/** Writes bytes to a fresh connection and reads until the server closes it. */
export function rawExchange(baseUrl: string, bytes: string): Promise<RawExchange> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const headEnd = raw.indexOf('\r\n\r\n');
      const head = raw.slice(0, headEnd);
      const text = raw.slice(headEnd + 4);
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, text });
    });
  });
}
