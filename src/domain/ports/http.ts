/**
 * How an adapter hands its HTTP routes to the one express server (src/http/app.ts mounts them before its 404 and
 * error handlers). The server reads every body itself, under the adapter's declared limit, before any handler runs
 * (src/http/body-limit.ts): an oversized body is refused with 413 and never buffered whole.
 */
import type { RequestHandler } from 'express';

export interface BodyLimit {
  /** Only this method's requests (all methods when absent). */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  maxBytes: number;
}

export interface AdapterRoutes {
  /** Every route that reads a body needs one: its bytes are then `req.body` (a Buffer, exactly as received). */
  bodyLimits: BodyLimit[];
  /** The adapter's routes: an express Router (or app). */
  router: RequestHandler;
}
