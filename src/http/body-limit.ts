/**
 * Reads a request body into memory only up to a limit, before anyone looks at it (signature checks included).
 *
 * Why not express.raw / Bolt's own reader: Bolt's ExpressReceiver calls raw-body with no limit at all, so an
 * unsigned 50 MB POST to /slack/events was buffered whole before its signature was checked (issue 9: eight
 * of them took the process from 209 MB to 869 MB). Here a Content-Length over the limit is refused at once,
 * a chunked body is counted as it arrives, and past the limit the answer is 413 (JSON) and the connection is
 * closed, so the rest of the upload is never read.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export const PAYLOAD_TOO_LARGE = 'payload too large';

/** 413 in JSON, then the connection is closed: what is left of the body is never read. */
export function refuseTooLarge(req: Request, res: Response, limit: number): void {
  if (!res.headersSent) {
    res.setHeader('Connection', 'close');
    res.status(413).json({ error: PAYLOAD_TOO_LARGE, limitBytes: limit });
  }
  // Destroy once the answer is written: the client sees the 413 and nothing more is buffered or drained.
  res.once('finish', () => req.socket.destroy());
  req.pause();
}

/**
 * Buffers the body (up to `limit` bytes) into `req.rawBody`, the field Bolt's ExpressReceiver reads instead of
 * the stream (ExpressReceiver.parseExpressRequestRawBody), and into `req.body` for our own routes.
 */
export function limitedBody(limit: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      refuseTooLarge(req, res, limit);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (err) return next(err);
      const body = Buffer.concat(chunks, size);
      Object.assign(req, { rawBody: body });
      req.body = body;
      next();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        req.off('data', onData);
        refuseTooLarge(req, res, limit);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish();
    // A client that goes away mid-body: nothing to answer; express's error handler logs it as a 400.
    const onError = (err: Error) => finish(Object.assign(new Error('request body could not be read'), { status: 400, type: 'request.aborted', cause: err }));
    const onAborted = () => onError(new Error('aborted'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  };
}
