/**
 * The final error handler: every error answer is a short JSON object. Express's default page prints the stack
 * and server paths whenever NODE_ENV is not `production` (finalhandler), as with `npm start`; this one never
 * does, whatever NODE_ENV is. The details go to the log only.
 */
import type { Express, NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';

const TEXTS: Record<number, string> = {
  400: 'bad request',
  404: 'not found',
  413: 'payload too large',
  415: 'unsupported media type',
};

export function addErrorHandler(app: Express, log: Logger): void {
  app.use((err: { status?: number; statusCode?: number; type?: string; message?: string }, req: Request, res: Response, _next: NextFunction) => {
    const given = err?.status ?? err?.statusCode;
    const status = given && given >= 400 && given < 600 ? given : 500;
    if (status >= 500) log.error({ err, method: req.method, path: req.path }, 'request failed');
    else log.warn({ status, type: err?.type, method: req.method, path: req.path }, `request refused: ${err?.message ?? ''}`);
    if (res.headersSent) {
      // Too late for an answer: end the connection rather than append to a half-sent one.
      res.destroy();
      return;
    }
    res.status(status).json({ error: TEXTS[status] ?? (status >= 500 ? 'internal error' : 'request refused') });
  });
}
