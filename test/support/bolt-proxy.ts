/**
 * A TCP proxy in front of a Neo4j's Bolt port, for tests that change what is behind an address
 * the API already uses: re-point it to another Neo4j (a different database comes up at the same
 * address), or let it cut connections at the next query once N queries have passed (the database
 * fails in the middle of a request). Test support only.
 */
import net from 'node:net';

/** A running proxy. */
export interface BoltProxy {
  readonly port: number;
  readonly uri: string;
  /** Sends new connections to `port` and closes the current ones (as when the old server died). */
  retarget(port: number): void;
  /** After `queries` more Bolt RUN messages, close every connection that sends another one; undefined lifts it. */
  breakQueriesAfter(queries: number | undefined): void;
  /** RUN messages forwarded so far. */
  queries(): number;
  close(): Promise<void>;
}

const RUN = 0x10;
const MANIFEST_V1 = [0x00, 0x00, 0x01, 0xff];

/**
 * Follows the client's side of one Bolt connection far enough to see where messages start: the
 * 20-byte handshake, the reply to a handshake manifest (4 bytes and a varint), then chunked
 * messages (2-byte size, data, a zero size ending the message). Reports each message signature.
 */
class ClientStream {
  private phase: 'handshake' | 'manifest-version' | 'manifest-capabilities' | 'chunk-size' | 'chunk-data' = 'handshake';
  private skip = 20;
  private sizeBytes: number[] = [];
  private chunkLeft = 0;
  private messageBytes = 0;
  /** Set once the server answered the handshake with a manifest (the client cannot send on before that answer). */
  manifest = false;

  /** Signatures of the messages whose signature byte is in `data`. */
  feed(data: Buffer): number[] {
    const signatures: number[] = [];
    for (const byte of data) {
      switch (this.phase) {
        case 'handshake':
          if (--this.skip === 0) {
            this.phase = 'manifest-version';
            this.skip = 4;
          }
          break;
        case 'manifest-version':
          if (!this.manifest) {
            this.phase = 'chunk-size';
            this.chunkSize(byte);
          } else if (--this.skip === 0) {
            this.phase = 'manifest-capabilities';
          }
          break;
        case 'manifest-capabilities':
          if ((byte & 0x80) === 0) this.phase = 'chunk-size';
          break;
        case 'chunk-size':
          this.chunkSize(byte);
          break;
        case 'chunk-data':
          this.messageBytes += 1;
          // A message is a struct: marker byte, then the signature byte.
          if (this.messageBytes === 2) signatures.push(byte);
          if (--this.chunkLeft === 0) this.phase = 'chunk-size';
          break;
      }
    }
    return signatures;
  }

  private chunkSize(byte: number): void {
    this.sizeBytes.push(byte);
    if (this.sizeBytes.length < 2) return;
    this.chunkLeft = (this.sizeBytes[0]! << 8) | this.sizeBytes[1]!;
    this.sizeBytes = [];
    if (this.chunkLeft === 0)
      this.messageBytes = 0; // end of message
    else this.phase = 'chunk-data';
  }
}

/** Starts a proxy on a free 127.0.0.1 port forwarding to 127.0.0.1:`targetPort`. */
export async function startBoltProxy(targetPort: number): Promise<BoltProxy> {
  let target = targetPort;
  let budget: number | undefined;
  let forwarded = 0;
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();

  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    const pair = { client, upstream };
    pairs.add(pair);
    const stream = new ClientStream();
    let serverBytes = Buffer.alloc(0);
    const destroy = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('error', destroy).on('close', destroy);
    upstream.on('error', destroy).on('close', destroy);
    client.on('data', (data: Buffer) => {
      const runs = stream.feed(data).filter((signature) => signature === RUN).length;
      if (runs > 0 && budget !== undefined && forwarded + runs > budget) return destroy();
      forwarded += runs;
      upstream.write(data);
    });
    upstream.on('data', (data: Buffer) => {
      if (serverBytes.length < 4) {
        serverBytes = Buffer.concat([serverBytes, data]);
        if (serverBytes.length >= 4) stream.manifest = MANIFEST_V1.every((byte, i) => serverBytes[i] === byte);
      }
      client.write(data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    uri: `bolt://127.0.0.1:${port}`,
    retarget(next) {
      target = next;
      for (const pair of [...pairs]) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      pairs.clear();
    },
    breakQueriesAfter(queries) {
      budget = queries === undefined ? undefined : forwarded + queries;
    },
    queries: () => forwarded,
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
