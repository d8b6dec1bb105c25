/**
 * Reads a request body with a hard size limit and strict UTF-8 decoding, so oversized or
 * malformed bodies are refused before any parsing work is done.
 */
import type { IncomingMessage } from 'node:http';

/** A body that cannot be accepted, with the HTTP status to answer. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Resolves the body as text, or rejects with a {@link BodyError}. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw new BodyError(413, `Request body exceeds ${maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      req.resume();
      throw new BodyError(413, `Request body exceeds ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return decoder.decode(Buffer.concat(chunks));
  } catch {
    throw new BodyError(400, 'Request body is not valid UTF-8');
  }
}
