import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CONFIG, type Config } from '@prystan/config';
import { Public } from '../accounts/decorators';
import { Throttle } from '../common/public-throttle.guard';
import { pageHeaders } from './page-headers';

/** Built front-ends (apps/web → dist/public). */
export const PUBLIC_DIR = resolve(__dirname, '../../../../public');

const COMPRESSIBLE = new Set(['js', 'css', 'svg']);
const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', svg: 'image/svg+xml', mp3: 'audio/mpeg', wav: 'audio/wav', png: 'image/png', ico: 'image/x-icon' };

/** The survivor page, its embed loader and the staff console: static files with strict headers. */
@Controller()
@Public()
@Throttle('pages')
export class WebController {
  private readonly cache = new Map<string, Buffer>();
  private readonly packed = new WeakMap<Buffer, Buffer>();

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  @Get('chat')
  chat(@Res() res: Response) {
    this.sendHtml(res, 'chat.html', 'chat');
  }

  @Get('console')
  console(@Res() res: Response) {
    this.sendHtml(res, 'console.html', 'console');
  }

  @Get('widget.js')
  widget(@Req() req: Request, @Res() res: Response) {
    this.sendFile(req, res, 'widget.js', { ...pageHeaders(this.config, 'widget'), 'Cache-Control': 'public, max-age=300' });
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Req() req: Request, @Res() res: Response) {
    if (!/^[a-z0-9._-]{1,80}$/i.test(file) || file.includes('..')) throw new NotFoundException();
    this.sendFile(req, res, join('assets', file), { ...pageHeaders(this.config, 'asset'), 'Cache-Control': 'public, max-age=3600' });
  }

  private sendHtml(res: Response, file: string, page: 'chat' | 'console') {
    const body = this.read(file);
    if (!body) throw new NotFoundException('the web pages are not built: run npm run build');
    const html = page === 'chat'
      ? body.toString('utf8').replaceAll('%PAGE_TITLE%', escapeHtml(this.config.CHAT_PAGE_TITLE)).replaceAll('%EXIT_URL%', escapeHtml(this.config.EXIT_URL))
        // the host sites the embedded chat may post to (the same list as frame-ancestors)
        .replaceAll('%EMBED_ORIGINS%', escapeHtml(this.config.embedOrigins.join(' ')))
      : body.toString('utf8');
    res.set({ ...pageHeaders(this.config, page), 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).send(html);
  }

  /** Text files go gzipped to browsers that take it: the survivor's first load is small on a poor connection. */
  private sendFile(req: Request, res: Response, file: string, headers: Record<string, string>) {
    const body = this.read(file);
    if (!body) throw new NotFoundException();
    const ext = file.split('.').pop() ?? '';
    const gzip = COMPRESSIBLE.has(ext) && body.length > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.set({ ...headers, 'Content-Type': TYPES[ext] ?? 'application/octet-stream', Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.send(gzip ? this.gzipped(body) : body);
  }

  private gzipped(body: Buffer): Buffer {
    let packed = this.packed.get(body);
    if (!packed) {
      packed = gzipSync(body, { level: 9 });
      this.packed.set(body, packed);
    }
    return packed;
  }

  private read(file: string): Buffer | undefined {
    if (this.cache.has(file)) return this.cache.get(file);
    const path = join(PUBLIC_DIR, file);
    if (!existsSync(path)) return undefined;
    const body = readFileSync(path);
    if (this.config.NODE_ENV === 'production') this.cache.set(file, body);
    return body;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
