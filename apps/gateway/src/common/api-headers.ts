import type { NextFunction, Request, Response } from 'express';

/**
 * Every `/api` answer, errors and unknown routes included, is `Cache-Control: no-store`: staff
 * lists, figures and tokens must not stay in a shared computer's browser cache or a proxy.
 * Set before any handler runs, so nothing can answer without it.
 */
export function noStoreForApi(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
