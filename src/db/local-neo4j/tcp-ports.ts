/**
 * Loopback TCP port helpers: is a port free, pick a free one, does something accept connections.
 */
import net from 'node:net';

/** The loopback address the local Neo4j binds to. */
export const LOCAL_HOST = '127.0.0.1';

/** Neo4j's standard Bolt port. */
export const DEFAULT_BOLT_PORT = 7687;

/** Resolves true when `port` can be bound on 127.0.0.1 right now (nothing listens there). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ port, host: LOCAL_HOST, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/** Resolves a port on 127.0.0.1 that the OS reports free (there is a small race until it is bound). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: LOCAL_HOST, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not determine a free port'))));
    });
  });
}

/**
 * The port for the `npm start` local instance: `preferred` (7687) when it is free, else any free
 * port.
 */
export async function pickLocalNeo4jPort(preferred: number = DEFAULT_BOLT_PORT): Promise<number> {
  return (await isPortFree(preferred)) ? preferred : findFreePort();
}

/** Resolves true when a TCP connection to `host:port` succeeds within `timeoutMs`. */
export function canConnect(port: number, host: string = LOCAL_HOST, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
